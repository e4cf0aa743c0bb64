// Writing the statistics as CSV for spreadsheets (see csv_export.hpp).
#include "core/stats/csv_export.hpp"

#include <fstream>
#include <set>

namespace kiosk::core::stats {
namespace fs = std::filesystem;

namespace {

const char* tr(Lang lang, const char* fr, const char* en) { return lang == Lang::Fr ? fr : en; }

std::string kindLabel(EventKind kind, const std::string& subject, Lang lang) {
    switch (kind) {
        case EventKind::Item:
            if (subject == "session") return "session";
            if (subject == "place") return tr(lang, "lieu", "place");
            if (subject == "demo") return tr(lang, "démo", "demo");
            if (subject == "page") return "page";
            return subject;
        case EventKind::Screen: return tr(lang, "écran", "screen");
        case EventKind::Qr: return tr(lang, "QR code", "QR code");
        case EventKind::Filter: return tr(lang, "filtre", "filter");
        case EventKind::Language: return tr(lang, "langue", "language");
        case EventKind::Accessibility: return tr(lang, "accessibilité", "accessibility");
        default: return kindName(kind);
    }
}

class CsvFile {
public:
    CsvFile(const fs::path& path) : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
        out_ << "\xEF\xBB\xBF";  // the BOM: without it Excel reads UTF-8 as Windows-1252
    }
    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) out_ << (i ? ";" : "") << csvField(fields[i]);
        out_ << "\r\n";
    }
    Status close() {
        out_.close();
        if (!out_) return fail("cannot write " + path_.string() + " (check the folder is writable and not full)");
        return Ok{};
    }

private:
    fs::path path_;
    std::ofstream out_;
};

std::string averageMinutes(std::int64_t seconds, std::int64_t visits, Lang lang) {
    return visits > 0 ? formatDecimal(double(seconds) / double(visits) / 60.0, 1, lang) : "";
}

}  // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

Result<std::vector<fs::path>> writeCsvReports(const Figures& figures, const fs::path& dir, const CsvOptions& options) {
    const Lang lang = options.lang;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail("cannot create the folder " + dir.string() + ": " + ec.message());
    std::vector<fs::path> written;

    CsvFile hours(dir / "per-hour.csv");
    hours.row({tr(lang, "borne", "kiosk"), "date", tr(lang, "heure", "hour"), tr(lang, "visites", "visits"),
               tr(lang, "durée moyenne (min)", "average length (min)"), tr(lang, "écrans vus", "screens viewed"),
               tr(lang, "contenus vus", "items viewed"), tr(lang, "QR codes affichés", "QR codes shown"),
               tr(lang, "filtres utilisés", "filters used"), tr(lang, "choix de langue", "language choices"),
               tr(lang, "accessibilité", "accessibility")});
    for (const auto& [key, h] : figures.hours) {
        const auto& [kiosk, date, hour] = key;
        hours.row({kiosk, formatDate(date), std::to_string(hour), std::to_string(h.visits),
                   averageMinutes(h.visitSeconds, h.endedVisits, lang), std::to_string(h.screens),
                   std::to_string(h.items), std::to_string(h.qr), std::to_string(h.filters),
                   std::to_string(h.languages), std::to_string(h.accessibility)});
    }
    if (auto s = hours.close(); !s) return fail(s.error());
    written.push_back(dir / "per-hour.csv");

    CsvFile items(dir / "per-item.csv");
    items.row({tr(lang, "borne", "kiosk"), "type", tr(lang, "identifiant", "id"), tr(lang, "titre", "title"),
               tr(lang, "nombre", "count")});
    for (const auto& [key, count] : figures.items) {
        const std::string id = key.kind == EventKind::Item || key.kind == EventKind::Qr ? key.item : key.subject;
        const std::string titleKey = (key.kind == EventKind::Qr ? std::string("session") : key.subject) + "/" + id;
        const auto t = options.titles.find(titleKey);
        const bool titled = key.kind == EventKind::Item || key.kind == EventKind::Qr;
        items.row({key.kiosk, kindLabel(key.kind, key.subject, lang), id,
                   titled && t != options.titles.end() ? t->second : "", std::to_string(count)});
    }
    if (auto s = items.close(); !s) return fail(s.error());
    written.push_back(dir / "per-item.csv");

    CsvFile kiosks(dir / "per-kiosk.csv");
    kiosks.row({tr(lang, "borne", "kiosk"), tr(lang, "premier jour", "first day"), tr(lang, "dernier jour", "last day"),
                tr(lang, "visites", "visits"), tr(lang, "durée moyenne (min)", "average length (min)"),
                tr(lang, "durée totale (h)", "total time (h)"), tr(lang, "contenus vus", "items viewed"),
                tr(lang, "QR codes affichés", "QR codes shown")});
    for (const std::string& kiosk : figures.kiosks) {
        HourFigures sum;
        std::set<CivilDate> days;
        for (const auto& [key, h] : figures.hours) {
            if (std::get<0>(key) != kiosk) continue;
            days.insert(std::get<1>(key));
            sum.visits += h.visits;
            sum.endedVisits += h.endedVisits;
            sum.visitSeconds += h.visitSeconds;
            sum.items += h.items;
            sum.qr += h.qr;
        }
        kiosks.row({kiosk, days.empty() ? "" : formatDate(*days.begin()),
                    days.empty() ? "" : formatDate(*days.rbegin()), std::to_string(sum.visits),
                    averageMinutes(sum.visitSeconds, sum.endedVisits, lang),
                    formatDecimal(double(sum.visitSeconds) / 3600.0, 1, lang), std::to_string(sum.items),
                    std::to_string(sum.qr)});
    }
    if (auto s = kiosks.close(); !s) return fail(s.error());
    written.push_back(dir / "per-kiosk.csv");
    return written;
}

}  // namespace kiosk::core::stats
