/// What a plugin's Lua code may use.
public struct ResourceLimits: Sendable {
    /// Bytes the Lua state may allocate (the corpus itself lives outside it).
    public var memoryBytes: Int
    /// Seconds a run may take, or nil for no limit.
    public var seconds: Double?
    /// When the time is up (LuaState.monotonicSeconds), if not `seconds`
    /// after each call starts: set for workers, which share their run's deadline.
    var deadline: Double?

    public init(memoryBytes: Int, seconds: Double?) {
        self.memoryBytes = memoryBytes
        self.seconds = seconds
    }

    /// 4 GiB of Lua memory and no time limit.
    public static let `default` = ResourceLimits(memoryBytes: 4096 << 20, seconds: nil)
}
