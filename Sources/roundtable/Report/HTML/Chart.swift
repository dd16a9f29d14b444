import Foundation

/// An inline SVG chart as plain values for a template: its size, a title, and the shapes to draw in
/// order (rectangles, bands, lines, polylines, dots, text). Colours come from CSS classes, so a team
/// can restyle the charts in the template's style sheet.
struct Chart {
    /// What the chart shows, read out as the SVG's `<title>`.
    var title: String
    var width: Int
    var height: Int
    var rects: [Rect] = []
    var bands: [Polygon] = []
    var lines: [Line] = []
    var polylines: [Polygon] = []
    var dots: [Dot] = []
    var texts: [Label] = []

    struct Rect {
        var x, y, width, height: String
        var cls: String
    }

    struct Line {
        var x1, y1, x2, y2: String
        var cls: String
    }

    /// A polygon (band) or polyline, its points as `x,y x,y`.
    struct Polygon {
        var points: String
        var cls: String
    }

    struct Dot {
        var cx, cy, r: String
        var cls: String
    }

    /// Text in the chart; user text is wrapped in Unicode isolates so right-to-left names keep their
    /// own direction without reordering the numbers around them.
    struct Label {
        var x, y: String
        var text: String
        /// `start`, `middle` or `end`.
        var anchor: String
        var cls: String
    }

    init(title: String, width: Int, height: Int) {
        self.title = title
        self.width = width
        self.height = height
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ cls: String) {
        rects.append(Rect(x: Self.number(x), y: Self.number(y), width: Self.number(max(0, width)),
                          height: Self.number(max(0, height)), cls: cls))
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) {
        lines.append(Line(x1: Self.number(x1), y1: Self.number(y1), x2: Self.number(x2), y2: Self.number(y2), cls: cls))
    }

    mutating func dot(_ cx: Double, _ cy: Double, radius: Double = 5, _ cls: String) {
        dots.append(Dot(cx: Self.number(cx), cy: Self.number(cy), r: Self.number(radius), cls: cls))
    }

    mutating func polyline(_ points: [(Double, Double)], _ cls: String) {
        polylines.append(Polygon(points: Self.points(points), cls: cls))
    }

    mutating func band(_ points: [(Double, Double)], _ cls: String) {
        bands.append(Polygon(points: Self.points(points), cls: cls))
    }

    /// Fixed text of the chart itself (axis ticks, legends, values).
    mutating func text(_ x: Double, _ y: Double, _ text: String, anchor: String = "start", _ cls: String) {
        texts.append(Label(x: Self.number(x), y: Self.number(y), text: text, anchor: anchor, cls: cls))
    }

    /// Text a user typed (a concept, a code, a session), shortened to `limit` characters and isolated.
    mutating func userText(_ x: Double, _ y: Double, _ text: String, limit: Int = 30, anchor: String = "end", _ cls: String) {
        self.text(x, y, "\u{2068}" + Self.shortened(text, limit) + "\u{2069}", anchor: anchor, cls)
    }

    /// A legend entry: a swatch of `cls` then its name.
    mutating func legend(_ x: Double, _ y: Double, _ name: String, _ cls: String, dot: Bool = false) {
        if dot { self.dot(x + 5, y - 4, radius: 5, cls) } else { rect(x, y - 9, 10, 10, cls) }
        text(x + 15, y, name, "legend")
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Coordinates with at most one decimal, so the markup is short and stable.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
    }
}
