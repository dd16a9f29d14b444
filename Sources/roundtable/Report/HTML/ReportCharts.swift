import Foundation
import RoundtableCore
import RoundtableStore

/// The geometry of the report charts, worked out here so the templates only draw.
enum ReportCharts {
    /// Where the plot of a row chart starts and ends; labels sit left of it.
    private static let plotLeft = 240.0
    private static let plotRight = 600.0
    private static let width = 700

    /// One labelled row of appeal and intent means.
    struct ScoreRow {
        var label: String
        var appeal: ScoreSummary
        var intent: ScoreSummary
    }

    /// Appeal and purchase intent (1–5) as dots with whiskers for their 95% intervals, one row each.
    static func scores(_ title: String, _ rows: [ScoreRow]) -> Chart {
        let top = 34.0, rowHeight = 36.0
        let bottom = top + rowHeight * Double(rows.count)
        var chart = Chart(title: title, width: width, height: Int(bottom + 30))
        let x = { (value: Double) in plotLeft + (min(5, max(1, value)) - 1) / 4 * (plotRight - plotLeft) }
        for tick in 1...5 {
            chart.line(x(Double(tick)), top - 4, x(Double(tick)), bottom, "grid")
            chart.text(x(Double(tick)), bottom + 16, "\(tick)", anchor: "middle", "tick")
        }
        chart.legend(plotLeft, 14, "Appeal", "appeal", dot: true)
        chart.legend(plotLeft + 90, 14, "Purchase intent", "intent", dot: true)
        chart.text(plotLeft + 230, 14, "lines: 95% interval", "legend")
        for (index, row) in rows.enumerated() {
            let middle = top + rowHeight * (Double(index) + 0.5)
            chart.userText(plotLeft - 12, middle + 4, row.label, "label")
            for (summary, offset, cls) in [(row.appeal, -7.0, "appeal"), (row.intent, 7.0, "intent")] {
                guard let mean = summary.mean else { continue }
                if let interval = summary.interval {
                    chart.line(x(interval.lowerBound), middle + offset, x(interval.upperBound), middle + offset, "whisker " + cls)
                }
                chart.dot(x(mean), middle + offset, cls)
                chart.text(plotRight + 14, middle + offset + 4, StatisticText.decimal(mean), "value " + cls)
            }
            if row.appeal.mean == nil && row.intent.mean == nil {
                chart.text(plotLeft + 8, middle + 4, "no reactions", "note")
            }
        }
        return chart
    }

    /// Net Promoter answers as stacked bars of detractors, passives and promoters, one row each.
    static func nps(_ title: String, _ rows: [(label: String, nps: NetPromoterScore)]) -> Chart {
        let top = 34.0, rowHeight = 30.0
        var chart = Chart(title: title, width: width, height: Int(top + rowHeight * Double(rows.count) + 8))
        chart.legend(plotLeft, 14, "Detractors (0–6)", "detractor")
        chart.legend(plotLeft + 130, 14, "Passives (7–8)", "passive")
        chart.legend(plotLeft + 250, 14, "Promoters (9–10)", "promoter")
        let span = plotRight - plotLeft
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            chart.userText(plotLeft - 12, y + 15, row.label, "label")
            let nps = row.nps
            guard nps.n > 0 else {
                chart.text(plotLeft + 8, y + 15, "no answers", "note")
                continue
            }
            var left = plotLeft
            for (count, cls) in [(nps.detractors, "detractor"), (nps.passives, "passive"), (nps.promoters, "promoter")] where count > 0 {
                let size = span * Double(count) / Double(nps.n)
                chart.rect(left, y + 3, size, rowHeight - 10, cls)
                if size >= 22 { chart.text(left + size / 2, y + 16, "\(count)", anchor: "middle", "count") }
                left += size
            }
            chart.text(plotRight + 10, y + 16, "NPS \(nps.rounded.map(signed) ?? "—")", "value")
        }
        return chart
    }

    /// Survey means by quarter as lines, each with a band for its 95% interval (whiskers when a
    /// quarter stands alone).
    static func trend(_ title: String, _ quarters: [QuarterSurvey]) -> Chart {
        let left = 50.0, right = 520.0, top = 20.0, bottom = 240.0
        var chart = Chart(title: title, width: width, height: Int(bottom + 36))
        let y = { (value: Double) in bottom - (min(5, max(1, value)) - 1) / 4 * (bottom - top) }
        let x = { (index: Int) in
            quarters.count == 1 ? (left + right) / 2 : left + 30 + Double(index) * (right - left - 60) / Double(quarters.count - 1)
        }
        for tick in 1...5 {
            chart.line(left, y(Double(tick)), right, y(Double(tick)), "grid")
            chart.text(left - 10, y(Double(tick)) + 4, "\(tick)", anchor: "end", "tick")
        }
        for (index, quarter) in quarters.enumerated() {
            chart.text(x(index), bottom + 20, quarter.label, anchor: "middle", "tick")
        }
        let series: [(String, KeyPath<SurveySummary, ScoreSummary>)] = [
            ("quality", \.quality), ("speed", \.speed), ("price", \.price), ("trust", \.trust)]
        for (number, (name, path)) in series.enumerated() {
            chart.legend(right + 30, top + 10 + Double(number) * 20, name.capitalized, name)
            // A single quarter has no line or band to draw: its four means stand side by side, each
            // with a whisker for its interval.
            let shift = quarters.count == 1 ? (Double(number) - 1.5) * 16 : 0
            let points = quarters.enumerated().compactMap { index, quarter in
                quarter.summary[keyPath: path].mean.map { (x(index) + shift, y($0)) }
            }
            let intervals = quarters.enumerated().compactMap { index, quarter in
                quarter.summary[keyPath: path].interval.map { (x: x(index) + shift, low: y($0.lowerBound), high: y($0.upperBound)) }
            }
            if quarters.count >= 2 {
                chart.band(intervals.map { ($0.x, $0.high) } + intervals.reversed().map { ($0.x, $0.low) }, "band " + name)
                chart.polyline(points, "trend " + name)
            } else {
                for interval in intervals { chart.line(interval.x, interval.low, interval.x, interval.high, "whisker " + name) }
            }
            for point in points { chart.dot(point.0, point.1, radius: 4.5, name) }
        }
        chart.text(right + 30, top + 100, quarters.count == 1 ? "lines: 95% interval" : "bands: 95% interval", "legend")
        return chart
    }

    /// How often each code was applied, as horizontal bars.
    static func codes(_ title: String, _ rows: [(label: String, count: Int)]) -> Chart {
        let top = 8.0, rowHeight = 26.0
        var chart = Chart(title: title, width: width, height: Int(top + rowHeight * Double(rows.count) + 8))
        let largest = Double(max(1, rows.map(\.count).max() ?? 1))
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            chart.userText(plotLeft - 12, y + 15, row.label, limit: 30, "label")
            let size = (plotRight - plotLeft) * Double(row.count) / largest
            chart.rect(plotLeft, y + 3, size, rowHeight - 8, "bar")
            chart.text(plotLeft + size + 8, y + 16, "\(row.count)", "value")
        }
        return chart
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
