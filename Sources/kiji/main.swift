import Foundation
import KijiCLI

exit(Kiji.execute(Array(CommandLine.arguments.dropFirst())))
