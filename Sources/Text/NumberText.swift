/// Numbers as people read them in messages and charts.
public enum NumberText {
    /// `value` with its thousands separated by commas: 3,677.
    public static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }
}
