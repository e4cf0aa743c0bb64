// Home: four large tiles with pictograms and words — Programme, Maps, Showroom,
// Practical information. Everything is within three taps of here.
#include <algorithm>
#include <string>

#include "core/schedule.hpp"
#include "ui/chrome.hpp"
#include "ui/contrast.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

struct Tile {
    Str label, hint;
    Pictogram picto;
    ScreenId screen;
};

const Tile kTiles[] = {
    {Str::Programme, Str::ProgrammeHint, Pictogram::Calendar, ScreenId::Programme},
    {Str::Maps, Str::MapsHint, Pictogram::Map, ScreenId::Maps},
    {Str::Showroom, Str::ShowroomHint, Pictogram::Showroom, ScreenId::Showroom},
    {Str::PracticalInfo, Str::PracticalHint, Pictogram::Info, ScreenId::Info},
};

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Home; }
    std::string title(const UiContext& ctx) const override { return ctx.content->event.name.str(ctx.lang); }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float gap = m.px(4);
        ImVec2 min(ctx.areaMin.x + margin, ctx.areaMin.y + margin);
        const ImVec2 max(ctx.areaMax.x - margin, ctx.areaMax.y - margin);
        // Portrait: the tiles in the reach band, what is on now above them, to read.
        if (m.controlsLow() && m.reach().overlaps && static_cast<float>(m.reach().topPx) > min.y &&
            static_cast<float>(m.reach().topPx) < max.y - 4 * controlHeight(ctx)) {
            const float zoneTop = static_cast<float>(m.reach().topPx);
            drawNowPreview(ctx, min, ImVec2(max.x, zoneTop - gap));
            min.y = zoneTop;
        }
        // "Now": what is on now and next, one tap from Home while the event is on.
        if (core::eventPhase(*ctx.content, ctx.clock->now()) == core::EventPhase::During) {
            const float h = std::max(controlHeight(ctx), ctx.fonts->title->FontSize * 1.6f);
            drawNowButton(ctx, nav, min, ImVec2(max.x - min.x, h));
            min.y += h + gap;
        }
        // One column on a narrow or portrait screen, unless four tiles one above the other
        // would be too short for their words (a tablet at 200 % text).
        const bool oneColumn = (ctx.oneColumn() || (max.x - min.x) < m.px(250)) &&
                               (max.y - min.y) / 4 >= ctx.fonts->title->FontSize * 2.2f;
        const int cols = oneColumn ? 1 : 2;
        const int rows = 4 / cols;
        const float w = (max.x - min.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float h = (max.y - min.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        for (int i = 0; i < 4; ++i) {
            const ImVec2 pos(min.x + static_cast<float>(i % cols) * (w + gap),
                             min.y + static_cast<float>(i / cols) * (h + gap));
            drawTile(ctx, nav, kTiles[i], pos, ImVec2(w, h), i);
        }
    }

private:
    void drawNowButton(const UiContext& ctx, Navigator& nav, ImVec2 pos, ImVec2 size) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.accent.imu32(), f.body->FontSize * 0.5f);
        BackgroundScope bg(t.accent);
        ContrastLog::control(t.accent, t.background, tr(Str::NowTab, ctx.lang));
        const float pad = f.body->FontSize * 0.8f;
        const char* label = tr(Str::NowTab, ctx.lang);
        const std::string hint = std::string(tr(Str::NowOn, ctx.lang)) + " \u00B7 " + tr(Str::ComingNext, ctx.lang);
        const float labelW = std::min(size.x * 0.5f, badgeSize(label, f.title).x);
        ImFont* font = layoutText(f.title, label, labelW + 1, 1).overflow ? f.heading : f.title;
        drawText(dl, font, ImVec2(pos.x + pad, pos.y + (size.y - font->FontSize) * 0.5f), size.x * 0.5f, 1,
                 t.onAccent.imu32(), label);
        const float hx = pos.x + pad * 2 + labelW;
        const float hw = pos.x + size.x - pad - hx;
        if (hw > f.body->FontSize * 4 && !layoutText(f.body, hint, hw, 2).overflow) {
            const float hh = layoutText(f.body, hint, hw, 2).size.y;
            drawText(dl, f.body, ImVec2(hx, pos.y + (size.y - hh) * 0.5f), hw, 2, t.onAccent.imu32(), hint);
        }
        ImGui::SetCursorScreenPos(pos);
        if (tapArea("##home-now", label, size)) nav.go(Route::programmeNow());
    }

    // What is on now, then next, as rows to read (not controls: this part of a portrait
    // screen is above a seated visitor's reach; "Now" below opens them).
    void drawNowPreview(const UiContext& ctx, ImVec2 min, ImVec2 max) {
        const core::NowNext nn = core::nowAndNext(*ctx.content, ctx.clock->now(), 4);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(min, max, true);
        float y = min.y;
        const float w = max.x - min.x;
        bool full = false;
        auto section = [&](Str heading, const std::vector<const core::Session*>& rows) {
            // A heading only with room for a row under it (a row is about four lines).
            if (full || rows.empty() || y + ctx.fonts->heading->FontSize + ctx.fonts->body->FontSize * 5 > max.y)
                return;
            y += drawText(dl, ctx.fonts->heading, ImVec2(min.x, y), w, 1, ctx.theme->text.imu32(),
                          tr(heading, ctx.lang));
            for (const core::Session* s : rows) {
                const float h = drawSessionRow(ctx, *s, ImVec2(min.x, y), w);
                if (y + h > max.y) {  // only whole rows: the cut one is covered again
                    dl->AddRectFilled(ImVec2(min.x, y), max, ctx.theme->background.imu32());
                    full = true;
                    return;
                }
                y += h + ctx.fonts->body->FontSize * 0.4f;
            }
        };
        section(Str::NowOn, nn.now);
        section(Str::ComingNext, nn.next);
        dl->PopClipRect();
    }

    void drawTile(const UiContext& ctx, Navigator& nav, const Tile& tile, ImVec2 pos, ImVec2 size, int index) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + size.x, pos.y + size.y);
        dl->AddRectFilled(pos, max, t.primary.imu32(), f.body->FontSize * 0.5f);
        BackgroundScope tileBg(t.primary);
        ContrastLog::control(t.primary, t.background, tr(tile.label, ctx.lang));
        const float pad = f.body->FontSize * 0.8f;
        // Pictogram beside the words when the tile is wide and short, above them otherwise.
        const bool beside = size.x > size.y * 1.6f;
        const float picto = std::min(size.y * (beside ? 0.55f : 0.38f), size.x * 0.3f);
        ImVec2 textPos;
        float textW;
        if (beside) {
            drawPictogram(dl, tile.picto, ImVec2(pos.x + pad + picto * 0.5f, pos.y + size.y * 0.5f), picto,
                          t.onPrimary.imu32());
            textPos = ImVec2(pos.x + pad * 2 + picto, 0);
            textW = max.x - pad - textPos.x;
        } else {
            drawPictogram(dl, tile.picto, ImVec2(pos.x + size.x * 0.5f, pos.y + pad + picto * 0.5f), picto,
                          t.onPrimary.imu32());
            textPos = ImVec2(pos.x + pad, 0);
            textW = size.x - 2 * pad;
        }
        const std::string labelText =
            tile.label == Str::Showroom ? showroomLabel(*ctx.content, ctx.lang) : tr(tile.label, ctx.lang);
        const char* label = labelText.c_str();
        const char* hint = tr(tile.hint, ctx.lang);
        // Short tiles (a small screen, an urgent banner) drop the hint, then use a smaller
        // font: the words always stay inside their tile.
        const float room = beside ? size.y * 0.92f : size.y - 2 * pad - picto;
        ImFont* labelFont = f.title;
        float textH = layoutText(labelFont, label, textW, 2).size.y + layoutText(f.body, hint, textW, 3).size.y;
        bool withHint = textH <= room;
        if (!withHint) {
            textH = layoutText(labelFont, label, textW, 2).size.y;
            if (textH > room) {
                labelFont = f.bodyBold;
                textH = layoutText(labelFont, label, textW, 2).size.y;
            }
            if (textH > room) OverflowLog::record(label, textW, "taller than its tile");
        }
        const float top =
            beside ? pos.y + (size.y - textH) * 0.5f : pos.y + pad + picto + (size.y - pad - picto - textH) * 0.5f;
        const Align align = beside ? Align::Left : Align::Center;
        const float lh = drawText(dl, labelFont, ImVec2(textPos.x, top), textW, 2, t.onPrimary.imu32(), label, align);
        if (withHint) drawText(dl, f.body, ImVec2(textPos.x, top + lh), textW, 3, t.onPrimary.imu32(), hint, align);
        ImGui::SetCursorScreenPos(pos);
        if (tapArea(("##tile" + std::to_string(index)).c_str(), label, size)) nav.go(tile.screen);
    }
};
}  // namespace

std::unique_ptr<Screen> makeHomeScreen() { return std::make_unique<HomeScreen>(); }

}  // namespace kiosk::ui
