// Drawing the one-page statistics report with cairo (see pdf_report.hpp). Sizes are in
// PDF points (1/72 inch); the text uses DejaVu Sans through fontconfig.
#include "core/stats/pdf_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <set>
#include <vector>

namespace kiosk::core::stats {
namespace {

constexpr double kPageW = 841.89, kPageH = 595.28;  // A4 landscape
constexpr double kMargin = 36;

struct Bar {
    std::string label;
    double value = 0;
};

const char* tr(Lang lang, const char* fr, const char* en) { return lang == Lang::Fr ? fr : en; }

void font(cairo_t* cr, double size, bool bold = false) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double textWidth(cairo_t* cr, const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

// Cut at a UTF-8 character boundary and end with "…" until it fits.
std::string fit(cairo_t* cr, std::string s, double width) {
    if (textWidth(cr, s) <= width) return s;
    while (!s.empty() && textWidth(cr, s + "…") > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
    }
    return s + "…";
}

void text(cairo_t* cr, double x, double y, const std::string& s) {
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

void textCentre(cairo_t* cr, double cx, double y, const std::string& s) { text(cr, cx - textWidth(cr, s) / 2, y, s); }

void ink(cairo_t* cr, double grey) { cairo_set_source_rgb(cr, grey, grey, grey); }
void accent(cairo_t* cr) { cairo_set_source_rgb(cr, 0.0, 0.33, 0.58); }  // dark blue, prints in grey too

std::string number(double v) { return std::to_string(static_cast<long long>(v + 0.5)); }

struct Panel {
    double x, y, w, h;
};

void panelTitle(cairo_t* cr, const Panel& p, const std::string& title) {
    ink(cr, 0.1);
    font(cr, 11, true);
    text(cr, p.x, p.y + 11, fit(cr, title, p.w));
}

void noData(cairo_t* cr, const Panel& p, Lang lang) {
    ink(cr, 0.45);
    font(cr, 9);
    text(cr, p.x, p.y + 40, tr(lang, "aucune donnée", "no data"));
}

// Vertical bars with a label under each (every `labelEvery`th) and the value on top.
void columns(cairo_t* cr, const Panel& p, const std::string& title, const std::vector<Bar>& bars, Lang lang,
             int labelEvery = 1) {
    panelTitle(cr, p, title);
    if (bars.empty()) return noData(cr, p, lang);
    double top = 0;
    for (const Bar& b : bars) top = std::max(top, b.value);
    if (top <= 0) top = 1;
    const double chartTop = p.y + 34, chartBottom = p.y + p.h - 18;
    const double slot = p.w / double(bars.size());
    const double barW = std::clamp(slot * 0.7, 2.0, 40.0);  // one day alone is not a wall
    ink(cr, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, p.x, chartBottom + 0.5);
    cairo_line_to(cr, p.x + p.w, chartBottom + 0.5);
    cairo_stroke(cr);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double h = (chartBottom - chartTop) * bars[i].value / top;
        const double x = p.x + slot * double(i) + (slot - barW) / 2;
        accent(cr);
        cairo_rectangle(cr, x, chartBottom - h, barW, h);
        cairo_fill(cr);
        ink(cr, 0.15);
        font(cr, 7);
        if (bars[i].value > 0 && (slot >= 14 || bars[i].value == top)) {
            textCentre(cr, x + barW / 2, chartBottom - h - 3, number(bars[i].value));
        }
        if (i % std::size_t(std::max(1, labelEvery)) == 0) {
            font(cr, 7.5);
            textCentre(cr, x + barW / 2, chartBottom + 11, fit(cr, bars[i].label, slot * labelEvery - 2));
        }
    }
}

// Horizontal bars, one row each: label, bar, value.
void rows(cairo_t* cr, const Panel& p, const std::string& title, const std::vector<Bar>& bars, Lang lang) {
    panelTitle(cr, p, title);
    if (bars.empty()) return noData(cr, p, lang);
    double top = 0;
    for (const Bar& b : bars) top = std::max(top, b.value);
    if (top <= 0) top = 1;
    const double rowH = std::min(20.0, (p.h - 24) / double(bars.size()));
    const double labelW = p.w * 0.6, barMax = p.w - labelW - 30;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = p.y + 24 + rowH * double(i);
        ink(cr, 0.1);
        font(cr, 8.5);
        text(cr, p.x, y + rowH * 0.65, fit(cr, bars[i].label, labelW - 6));
        const double w = std::max(1.0, barMax * bars[i].value / top);
        accent(cr);
        cairo_rectangle(cr, p.x + labelW, y + rowH * 0.2, w, rowH * 0.6);
        cairo_fill(cr);
        ink(cr, 0.1);
        font(cr, 8);
        text(cr, p.x + labelW + w + 4, y + rowH * 0.65, number(bars[i].value));
    }
}

std::string title(const PdfOptions& o, const std::string& key, const std::string& id) {
    const auto t = o.titles.find(key + "/" + id);
    return t != o.titles.end() && !t->second.empty() ? t->second : id;
}

std::vector<Bar> topItems(const Figures& f, const std::string& kind, const PdfOptions& o, std::size_t n) {
    std::map<std::string, double> by;
    for (const auto& [k, count] : f.items) {
        if (k.kind == EventKind::Item && k.subject == kind) by[k.item] += double(count);
    }
    std::vector<Bar> bars;
    for (const auto& [id, v] : by) bars.push_back({title(o, kind, id), v});
    std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
    if (bars.size() > n) bars.resize(n);
    return bars;
}

std::string featureLabel(const std::string& f, Lang lang) {
    static const std::map<std::string, std::pair<const char*, const char*>> names{
        {"larger_text", {"texte agrandi", "larger text"}},
        {"high_contrast", {"contraste élevé", "high contrast"}},
        {"reduced_motion", {"moins d'animations", "less motion"}},
        {"speech", {"lecture à voix haute", "read aloud"}},
        {"keypad", {"navigation au clavier", "keypad navigation"}},
        {"seated", {"position assise", "seated reach"}},
        {"easy_read", {"facile à lire", "easy to read"}},
    };
    const auto it = names.find(f);
    return it == names.end() ? f : tr(lang, it->second.first, it->second.second);
}

std::string languageLabel(const std::string& code, Lang lang) {
    if (code == "fr") return tr(lang, "français", "French");
    if (code == "en") return tr(lang, "anglais", "English");
    return code;
}

std::string shortDate(const CivilDate& d, Lang lang) {
    char buf[16];
    if (lang == Lang::Fr)
        std::snprintf(buf, sizeof buf, "%02u/%02u", d.day, d.month);
    else
        std::snprintf(buf, sizeof buf, "%02u-%02u", d.month, d.day);
    return buf;
}

void drawPage(cairo_t* cr, const Figures& f, const PdfOptions& o) {
    const Lang lang = o.lang;
    std::map<CivilDate, double> perDay;
    std::map<int, double> perHour;
    std::map<std::string, double> perKiosk;
    double visits = 0, ended = 0, seconds = 0, qr = 0;
    for (const auto& [key, h] : f.hours) {
        const auto& [kiosk, date, hour] = key;
        perDay[date] += double(h.visits);
        perHour[hour] += double(h.visits);
        perKiosk[kiosk] += double(h.visits);
        visits += double(h.visits);
        ended += double(h.endedVisits);
        seconds += double(h.visitSeconds);
        qr += double(h.qr);
    }
    // Title and key figures.
    ink(cr, 0.05);
    font(cr, 18, true);
    text(cr, kMargin, kMargin + 14, tr(lang, "Fréquentation des bornes interactives", "Interactive kiosk attendance"));
    font(cr, 10);
    ink(cr, 0.25);
    std::string sub = o.eventName;
    if (!perDay.empty()) {
        const std::string from = formatDate(perDay.begin()->first), to = formatDate(perDay.rbegin()->first);
        sub += (sub.empty() ? "" : " · ") +
               (from == to ? from : std::string(tr(lang, "du ", "from ")) + from + tr(lang, " au ", " to ") + to);
    }
    text(cr, kMargin, kMargin + 32, fit(cr, sub, kPageW - 2 * kMargin));
    const std::string avg = ended > 0 ? formatDecimal(seconds / ended / 60.0, 1, lang) + " min" : "–";
    const std::vector<std::pair<std::string, std::string>> kpis{
        {number(visits), tr(lang, "visites", "visits")},
        {avg, tr(lang, "durée moyenne d'une visite", "average visit length")},
        {number(qr), tr(lang, "QR codes affichés", "QR codes shown")},
        {number(double(f.kiosks.size())), tr(lang, "bornes", "kiosks")},
    };
    const double kpiW = (kPageW - 2 * kMargin) / double(kpis.size());
    for (std::size_t i = 0; i < kpis.size(); ++i) {
        const double x = kMargin + kpiW * double(i);
        accent(cr);
        font(cr, 20, true);
        text(cr, x, kMargin + 64, kpis[i].first);
        ink(cr, 0.25);
        font(cr, 9);
        text(cr, x, kMargin + 78, kpis[i].second);
    }
    // Six panels, three by two.
    const double gridTop = kMargin + 96, gap = 24, footer = 22;
    const double pw = (kPageW - 2 * kMargin - 2 * gap) / 3, ph = (kPageH - gridTop - kMargin - footer - gap) / 2;
    auto panel = [&](int col, int row) {
        return Panel{kMargin + col * (pw + gap), gridTop + row * (ph + gap), pw, ph};
    };

    std::vector<Bar> days;
    for (const auto& [d, v] : perDay) days.push_back({shortDate(d, lang), v});
    if (days.size() > 31) days.erase(days.begin(), days.end() - 31);  // the last month on one page
    columns(cr, panel(0, 0), tr(lang, "Visites par jour", "Visits per day"), days, lang,
            days.size() > 12 ? int((days.size() + 7) / 8) : 1);
    std::vector<Bar> hours;
    if (!perHour.empty()) {
        for (int h = perHour.begin()->first; h <= perHour.rbegin()->first; ++h) {
            hours.push_back({std::to_string(h) + tr(lang, "h", ""), perHour.count(h) ? perHour[h] : 0});
        }
    }
    columns(cr, panel(1, 0), tr(lang, "Visites par heure de la journée", "Visits per hour of the day"), hours, lang,
            hours.size() > 12 ? 2 : 1);
    std::vector<Bar> kiosks;
    for (const std::string& k : f.kiosks) kiosks.push_back({k, perKiosk[k]});
    rows(cr, panel(2, 0), tr(lang, "Visites par borne", "Visits per kiosk"), kiosks, lang);
    rows(cr, panel(0, 1), tr(lang, "Sessions les plus consultées", "Most viewed sessions"),
         topItems(f, "session", o, 8), lang);
    rows(cr, panel(1, 1), tr(lang, "Démos les plus consultées", "Most viewed demos"), topItems(f, "demo", o, 8), lang);
    std::map<std::string, double> langs, features;
    for (const auto& [k, count] : f.items) {
        if (k.kind == EventKind::Language) langs[languageLabel(k.subject, lang)] += double(count);
        if (k.kind == EventKind::Accessibility) features[featureLabel(k.subject, lang)] += double(count);
    }
    std::vector<Bar> usage, used;
    for (const auto& [l, v] : langs) usage.push_back({std::string(tr(lang, "langue : ", "language: ")) + l, v});
    for (const auto& [l, v] : features) used.push_back({l, v});
    const auto byCount = [](const Bar& a, const Bar& b) { return a.value > b.value; };
    std::stable_sort(usage.begin(), usage.end(), byCount);
    std::stable_sort(used.begin(), used.end(), byCount);
    usage.insert(usage.end(), used.begin(), used.end());
    if (usage.size() > 9) usage.resize(9);
    rows(cr, panel(2, 1), tr(lang, "Langues et accessibilité", "Languages and accessibility"), usage, lang);

    ink(cr, 0.4);
    font(cr, 7.5);
    text(cr, kMargin, kPageH - kMargin + 4,
         std::string(tr(lang, "Données anonymes : aucune donnée personnelle, heures arrondies à la minute. ",
                        "Anonymous data: nothing personal, times rounded to the minute. ")) +
             tr(lang, "Produit par kiosk-feed stats", "Made by kiosk-feed stats") +
             (o.generatedOn.empty() ? "" : std::string(tr(lang, " le ", " on ")) + o.generatedOn) + ".");
}

}  // namespace

Status writePdfReport(const Figures& figures, const std::filesystem::path& file, const PdfOptions& options) {
    cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return fail("cannot write " + file.string() + " (check the folder exists and is writable)");
    }
    cairo_pdf_surface_set_metadata(
        surface, CAIRO_PDF_METADATA_TITLE,
        tr(options.lang, "Fréquentation des bornes interactives", "Interactive kiosk attendance"));
    cairo_t* cr = cairo_create(surface);
    drawPage(cr, figures, options);
    cairo_show_page(cr);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
        return fail("cannot write " + file.string() + ": " +
                    cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));
    }
    return Ok{};
}

}  // namespace kiosk::core::stats
