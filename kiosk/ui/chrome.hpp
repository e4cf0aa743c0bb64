// Parts shared by screens: the header band (event name, day and time, language switch)
// and the session row used by the programme and the attract loop's now/next slide.
#pragma once

#include <string_view>

#include <imgui.h>

#include "ui/screen.hpp"
#include "ui/widgets.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

// Draws the header band at the top of the window: Home and Back (when there is somewhere
// to go back to), the title with the day and time, and the language switch, which acts
// at once. Returns its height.
float drawHeader(const UiContext& ctx, Navigator& nav, std::string_view title, bool showHome);

// Home and Back (when there is somewhere to go back to) from `pos`, `height` high: in the
// header, or in the bottom bar of a portrait screen. Returns the x past the last one.
float drawNavButtons(const UiContext& ctx, Navigator& nav, ImVec2 pos, float height, bool showHome);
// The width drawNavButtons takes, spacing after the last button included.
float navButtonsWidth(const UiContext& ctx, const Navigator& nav, bool showHome);
// The language switch at `pos` (acts at once), and its width.
void drawLanguageButton(const UiContext& ctx, Navigator& nav, ImVec2 pos, float height);
float languageButtonWidth(const UiContext& ctx);

// "Programme au mercredi 20 octobre, 14 h 30" when the content is old, else "".
std::string asOfNotice(const UiContext& ctx);

// Height of a standard control (buttons, tabs): at least 56 CSS px and two lines of text.
float controlHeight(const UiContext& ctx);

// The title font for a column `width` wide: the large one when about 14 characters fit.
ImFont* titleFontFor(const UiContext& ctx, float width);

// The easy-to-read (FALC) text in a framed box, when the visitor asked for it and the
// content has one; returns the height used.
float easyReadBox(const UiContext& ctx, const core::LocalizedText& easyRead, float width);

// The access features in `access`, one line each with a tick and words.
void accessList(const UiContext& ctx, core::AccessSet access, float width);

// A titled section heading in the current window at the cursor; returns its height.
float sectionHeading(const UiContext& ctx, std::string_view text, float width);

// Draws one session at `pos` within `width`; returns the height used. Cancelled and
// changed sessions are marked in words, ended ones are greyed and marked.
// With `descriptionLines` > 0, the start of the session's description follows (a tall
// screen with room to spare fills with it rather than with blank space).
float drawSessionRow(const UiContext& ctx, const core::Session& s, ImVec2 pos, float width, int descriptionLines = 0);
// The height those description lines add to a row `width` wide (0 without a description).
float sessionDescriptionHeight(const UiContext& ctx, const core::Session& s, float width, int lines);

// A session row that opens the session when tapped; returns the height used.
float sessionRowButton(const UiContext& ctx, Navigator& nav, const core::Session& s, ImVec2 pos, float width,
                       int descriptionLines = 0);

// A vertical list that scrolls by dragging, with inertia and a position indicator; it
// scrolls the item the keypad focuses into view.
class ScrollPanel {
public:
    // Begins a child window filling [min, max]; returns the usable width.
    float begin(const UiContext& ctx, Navigator& nav, const char* id, ImVec2 min, ImVec2 max);
    void end(const UiContext& ctx);
    void reset() {
        resetScroll_ = true;
        restoreFrames_ = 0;
        kinetic_.reset();
    }
    // Where the list was scrolled to when last drawn, and going back there (Back).
    float scrollY() const { return scrollY_; }
    void restore(float y) {
        reset();
        resetScroll_ = false;
        restoreY_ = y;
        restoreFrames_ = 3;  // ImGui applies a scroll at the next frame, clamped by the last one's height
    }
    // From inside the list (between begin and end), once its content is laid out: shows
    // content row `y` at the top from the next frame, which the loop draws because the
    // picture changes; one more frame confirms it. Stops any fling.
    void scrollTo(float y) {
        kinetic_.reset();
        ImGui::SetScrollY(y);
        restoreY_ = y;
        restoreFrames_ = 1;
    }

private:
    void revealFocused(const UiContext& ctx);

    KineticScroll kinetic_;
    ImVec2 outerPanelMin_, outerPanelMax_;
    float lastDrawnY_ = 0;
    bool resetScroll_ = true;
    float scrollY_ = 0, restoreY_ = 0;
    int restoreFrames_ = 0;
    ImVec2 min_, max_;
};

// Rows of toggle chips; returns the height used. `selected(i)` / `toggle(i)` per chip.
template <class Selected, class Toggle>
float chipRows(const UiContext& ctx, const char* idPrefix, const std::vector<std::string>& labels, float width,
               Selected selected, Toggle toggle);

// "Hôtel du Département · Clermont-Ferrand"
std::string placeLine(const UiContext& ctx, const core::Session& s);

template <class Selected, class Toggle>
float chipRows(const UiContext& ctx, const char* idPrefix, const std::vector<std::string>& labels, float width,
               Selected selected, Toggle toggle) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float h = controlHeight(ctx);
    const float gap = ctx.metrics->px(2.0f);
    float x = start.x, y = start.y;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float w = std::min(width, std::max(ctx.metrics->cssPx(64), badgeSize(labels[i], ctx.fonts->bodyBold).x +
                                                                             ctx.fonts->body->FontSize));
        if (x > start.x && x + w > start.x + width) {
            x = start.x;
            y += h + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = std::string("##") + idPrefix + std::to_string(i);
        if (button(id.c_str(), labels[i], ImVec2(w, h), selected(i) ? ButtonKind::TabSelected : ButtonKind::Tab))
            toggle(i);
        x += w + gap;
    }
    const float used = labels.empty() ? 0 : y + h - start.y;
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + used + gap));
    return used + gap;
}

}  // namespace kiosk::ui
