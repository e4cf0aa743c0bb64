// Reading kiosks' databases and summing their figures (see report_data.hpp).
#include "core/stats/report_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/model.hpp"

namespace kiosk::core::stats {

Result<KioskData> readKioskDatabase(const std::filesystem::path& file) {
    auto store = StatsStore::open(file, StatsStore::Mode::ReadOnly);
    if (!store) return fail(store.error());
    auto rows = store.value()->hourly();
    if (!rows) return fail(rows.error());
    KioskData data;
    data.file = file;
    data.kioskId = store.value()->meta("kiosk_id");
    if (data.kioskId.empty()) data.kioskId = file.stem().string();
    data.rows = std::move(rows).value();
    return data;
}

Figures computeFigures(const std::vector<KioskData>& kiosks, const TimeZone& tz) {
    Figures f;
    for (const KioskData& k : kiosks) {
        // Two copies of one kiosk's database add up under its id.
        if (std::find(f.kiosks.begin(), f.kiosks.end(), k.kioskId) == f.kiosks.end()) f.kiosks.push_back(k.kioskId);
        for (const HourlyRow& r : k.rows) {
            const LocalTime local = tz.toLocal(Instant(std::chrono::seconds(r.hour * 3600)));
            HourFigures& h = f.hours[{k.kioskId, local.date, local.hour}];
            switch (r.kind) {
                case EventKind::VisitStarted: h.visits += r.count; break;
                case EventKind::VisitEnded:
                    h.endedVisits += r.count;
                    h.visitSeconds += r.seconds;
                    break;
                case EventKind::Screen: h.screens += r.count; break;
                case EventKind::Item: h.items += r.count; break;
                case EventKind::Qr: h.qr += r.count; break;
                case EventKind::Filter: h.filters += r.count; break;
                case EventKind::Language: h.languages += r.count; break;
                case EventKind::Accessibility: h.accessibility += r.count; break;
            }
            if (r.kind != EventKind::VisitStarted && r.kind != EventKind::VisitEnded) {
                f.items[{k.kioskId, r.kind, r.subject, r.item}] += r.count;
            }
        }
    }
    return f;
}

std::map<std::string, std::string> itemTitles(const Content& content, Lang lang) {
    std::map<std::string, std::string> t;
    for (const auto& s : content.sessions) t["session/" + s.id] = s.title.str(lang);
    for (const auto& p : content.places) t["place/" + p.id] = p.name.str(lang);
    for (const auto& d : content.demos) t["demo/" + d.id] = d.title.str(lang);
    for (const auto& p : content.pages) t["page/" + p.id] = p.title.str(lang);
    return t;
}

std::string formatDecimal(double value, int decimals, Lang lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
    std::string s(buf);
    if (lang == Lang::Fr) {
        for (char& c : s) {
            if (c == '.') c = ',';
        }
    }
    return s;
}

}  // namespace kiosk::core::stats
