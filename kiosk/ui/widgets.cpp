// Drawing and hit-testing of the kiosk's widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <imgui_internal.h>  // the last item's id (ImGui 1.86 has no GetItemID)

#include "ui/contrast.hpp"
#include "ui/focus_order.hpp"
#include "ui/frame_state.hpp"
#include "ui/speech.hpp"
#include "ui/text.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {
std::vector<InteractiveItem>& frameItems() { return frameState().items; }
std::vector<InteractiveItem>& lastItems() { return frameState().previousItems; }
FocusState& focus() { return frameState().focus; }
const WidgetEnv& env() { return frameState().env; }

// A ring of two tones, each `focusRing` wide: the inner one hugs the control, the outer
// one meets what is around it. The theme's tones contrast so strongly with each other
// that on any colour at least one of them reaches 3:1 (test_focus_ring.cpp), so the ring
// shows on the page, the header band and a button of its own colour alike.
}  // namespace

void drawFocusRing(ImVec2 min, ImVec2 max) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float t = env().focusRing;
    // A card as wide as its list would lose its ring's sides to the list's clipping: the
    // ring then moves inside the card on that side.
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    min = ImVec2(std::max(min.x, clipMin.x + 2 * t), std::max(min.y, clipMin.y + 2 * t));
    max = ImVec2(std::min(max.x, clipMax.x - 2 * t), std::min(max.y, clipMax.y - 2 * t));
    const Theme& th = *env().theme;
    auto band = [&](float offset, Rgb colour) {
        const float o = offset + t * 0.5f;  // AddRect strokes centred on its path
        dl->AddRect(ImVec2(min.x - o, min.y - o), ImVec2(max.x + o, max.y + o), colour.imu32(), o, 0, t);
    };
    band(t, th.focusOuter);
    band(0, th.focusInner);
    const Rgb bg = ContrastLog::background();
    ContrastLog::control(
        contrastRatio(th.focusOuter, bg) >= contrastRatio(th.focusInner, bg) ? th.focusOuter : th.focusInner, bg,
        "focus ring");
}

namespace {
// Called by every interactive widget right after its ImGui item: records it, draws the
// focus ring, scrolls it into view when focus just came to it, speaks it under the
// finger. Returns true when the keypad activates it this frame.
bool registerItem(std::string_view label, ImVec2 min, ImVec2 max) {
    const unsigned int id = ImGui::GetCurrentContext()->LastItemData.ID;
    FocusState& f = focus();
    InteractiveLog::record(label, min, max, id);
    const bool speechControl = f.speechControl;
    frameItems().back().speechControl = speechControl;
    f.speechControl = false;
    std::string description, lang;
    description.swap(f.description);
    lang.swap(f.labelLang);
    if (lang.empty()) lang = env().lang;
    auto say = [&] {  // said once focus or the finger has settled on it (speech_settle.hpp)
        frameState().speech.request(
            {description.empty() ? std::string(label) : std::string(label) + ". " + description, lang, !speechControl});
    };
    if (env().speech && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::GetIO().MouseDown[0] && f.spokenUnderFinger != id) {
        f.spokenUnderFinger = id;  // explore by touch: what is under the finger is said
        say();
    }
    if (id == 0 || id != f.focused) return false;
    f.label = std::string(label);
    if (f.justMoved) {
        f.justMoved = false;
        // A list scrolls its item in (ScrollPanel::end); elsewhere nothing scrolls.
        if (frameState().listDepth == 0) f.reveal = false;
        if (env().speech) say();
    }
    if (f.visible) {
        // In a list the ring is drawn when the list ends, over the cards drawn after this one.
        if (frameState().listDepth > 0) {
            frameState().deferredRing = {min, max};
        } else {
            drawFocusRing(min, max);
        }
    }
    const bool fire = f.activate;
    f.activate = false;
    return fire;
}
}  // namespace

void InteractiveLog::beginFrame() {
    lastItems().swap(frameItems());
    frameItems().clear();
    if (!ImGui::GetIO().MouseDown[0]) focus().spokenUnderFinger = 0;
}
void InteractiveLog::record(std::string_view label, ImVec2 min, ImVec2 max, unsigned int id) {
    const FrameState& fs = frameState();
    frameItems().push_back({std::string(label), min, max, id, fs.listDepth > 0, fs.panelMin, fs.panelMax, false});
}
const std::vector<InteractiveItem>& InteractiveLog::items() { return frameItems(); }
const std::vector<InteractiveItem>& InteractiveLog::previousItems() { return lastItems(); }

void setWidgetEnv(const WidgetEnv& e) { frameState().env = e; }

void describeNext(std::string_view description) { focus().description = std::string(description); }
void speechControlNext() { focus().speechControl = true; }
void labelLanguageNext(std::string_view lang) { focus().labelLang = std::string(lang); }

bool KeypadFocus::move(Move direction, float contentTop) {
    FocusState& f = focus();
    const std::vector<const InteractiveItem*> order = readingOrder(lastItems());
    f.visible = true;
    const InteractiveItem* current = nullptr;
    for (const InteractiveItem* i : order) {
        if (i->id == f.focused) current = i;
    }
    const InteractiveItem* best = nullptr;
    if (!current) {  // first press, or the screen changed: the first item of the content
        for (const InteractiveItem* i : order) {
            if (!best && i->min.y >= contentTop && shownInPanel(*i)) best = i;
        }
        if (!best && !order.empty()) best = order.front();
    } else if (direction == Move::Next) {
        const auto at = std::find(order.begin(), order.end(), current);
        best = at + 1 != order.end() ? *(at + 1) : order.front();  // after the last, the first again
    } else {
        // Nearest item whose centre lies in that direction; off-axis distance costs double.
        // Within a list the next item of the list comes first (it scrolls in); leaving it,
        // only what shows is a candidate, never a card scrolled out of view.
        const ImVec2 c((current->min.x + current->max.x) * 0.5f, (current->min.y + current->max.y) * 0.5f);
        auto nearest = [&](bool sameListOnly) {
            const InteractiveItem* found = nullptr;
            float bestScore = 1e30f;
            for (const InteractiveItem* i : order) {
                if (i == current) continue;
                const bool sameList = current->inList && i->inList && i->panelMin.x == current->panelMin.x &&
                                      i->panelMin.y == current->panelMin.y && i->panelMax.x == current->panelMax.x &&
                                      i->panelMax.y == current->panelMax.y;
                if (sameListOnly ? !sameList : (!sameList && !shownInPanel(*i))) continue;
                const ImVec2 o((i->min.x + i->max.x) * 0.5f, (i->min.y + i->max.y) * 0.5f);
                // Gaps between the rectangles, not between centres: a wide card just under a
                // small tab is nearer than a button far below it.
                auto gap = [](float aMin, float aMax, float bMin, float bMax) {
                    return std::max(0.0f, std::max(bMin - aMax, aMin - bMax));
                };
                const float gapX = gap(current->min.x, current->max.x, i->min.x, i->max.x);
                const float gapY = gap(current->min.y, current->max.y, i->min.y, i->max.y);
                const bool vertical = direction == Move::Up || direction == Move::Down;
                const bool forward = direction == Move::Down || direction == Move::Right;
                const float delta = vertical ? o.y - c.y : o.x - c.x;
                const float ahead = forward ? delta : -delta;
                const float along = vertical ? gapY : gapX;
                const float across = vertical ? gapX : gapY;
                const float offCentre = vertical ? std::fabs(o.x - c.x) : std::fabs(o.y - c.y);
                if (ahead <= 1.0f) continue;
                const float score = along + 2.0f * across + 0.01f * (ahead + offCentre);
                if (score < bestScore) {
                    bestScore = score;
                    found = i;
                }
            }
            return found;
        };
        if (current->inList) best = nearest(true);
        if (!best) best = nearest(false);
    }
    if (!best) return false;
    f.focused = best->id;
    f.label = best->label;
    f.justMoved = true;
    f.reveal = true;
    return true;
}

bool KeypadFocus::activate() {
    FocusState& f = focus();
    f.visible = true;
    const auto& items = lastItems();
    const bool present = f.focused != 0 && std::any_of(items.begin(), items.end(),
                                                       [&](const InteractiveItem& i) { return i.id == f.focused; });
    if (!present) f.focused = 0;
    f.activate = present;
    return present;
}
unsigned int KeypadFocus::focused() { return focus().focused; }
std::string KeypadFocus::focusedLabel() { return focus().label; }
bool KeypadFocus::visible() { return focus().visible; }
void KeypadFocus::hide() { focus().visible = false; }
void KeypadFocus::reset() {
    const bool visible = focus().visible;
    focus() = FocusState{};
    focus().visible = visible;
}

bool wasDragged() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold;
}

bool gestureArea(const char* id, ImVec2 size) {
    if (auto& rec = frameState().records; rec.texts) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        rec.surfaces.push_back({Surface::Kind::Pannable, pos, ImVec2(pos.x + size.x, pos.y + size.y), false});
    }
    ImGui::InvisibleButton(id, size);
    return ImGui::IsItemActive();
}

bool tapArea(const char* id, std::string_view label, ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size) && !wasDragged();
    return registerItem(label, pos, ImVec2(pos.x + size.x, pos.y + size.y)) || pressed;
}

bool KineticScroll::update(float dt, bool reducedMotion) {
    const ImGuiIO& io = ImGui::GetIO();
    dt = std::max(dt, 1.0f / 240.0f);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && io.MouseWheel != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * ImGui::GetFontSize() * 3);
        velocity_ = 0;
    }
    const bool held = io.MouseDown[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                                ImGuiHoveredFlags_ChildWindows);
    if (held && wasDragged()) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        // Smoothed finger speed: what the list keeps when the finger lifts.
        velocity_ = 0.7f * velocity_ + 0.3f * (-io.MouseDelta.y / dt);
        return false;
    }
    if (held) {
        velocity_ = 0;
        return false;
    }
    if (reducedMotion || std::fabs(velocity_) < 20.0f) {
        velocity_ = 0;
        return false;
    }
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(std::clamp(before + velocity_ * dt, 0.0f, ImGui::GetScrollMaxY()));
    velocity_ *= std::exp(-4.0f * dt);  // about a second to come to rest
    if ((before <= 0 && velocity_ < 0) || (before >= ImGui::GetScrollMaxY() && velocity_ > 0)) velocity_ = 0;
    return velocity_ != 0;
}

bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, ImFont* font) {
    const Theme& t = *env().theme;
    if (!font) font = env().fonts->bodyBold;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size) && !wasDragged();
    const bool held = ImGui::IsItemActive();
    const bool keyed = registerItem(label, pos, ImVec2(pos.x + size.x, pos.y + size.y));

    Rgb bg = t.primary, fg = t.onPrimary;
    bool outline = false;
    switch (kind) {
        case ButtonKind::Primary: break;
        case ButtonKind::Accent:
            bg = t.accent;
            fg = t.onAccent;
            break;
        case ButtonKind::Secondary:
        case ButtonKind::Tab:
            bg = t.surface;
            fg = t.primary;
            outline = true;
            break;
        case ButtonKind::TabSelected: break;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = size.y * 0.18f;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    // A control is told from its surroundings by its fill or, when the fill is close to
    // the page, by its outline: that edge is what must reach 3:1.
    const Rgb around = ContrastLog::background();
    const bool fillShows = !outline || contrastRatio(bg, around) >= contrastRatio(t.border, around);
    ContrastLog::control(fillShows ? bg : t.border, around, label);
    dl->AddRectFilled(pos, max, bg.imu32(held ? 215 : 255), rounding);
    if (outline) dl->AddRect(pos, max, t.border.imu32(), rounding, 0, 2.0f);
    const float pad = size.y * 0.15f;
    const TextLayout layout = layoutText(font, label, size.x - 2 * pad, 2);
    const ImVec2 textPos(pos.x + pad, pos.y + (size.y - layout.size.y) * 0.5f);
    BackgroundScope scope(bg);
    drawText(dl, font, textPos, size.x - 2 * pad, 2, fg.imu32(), label, Align::Center);
    return pressed || keyed;
}

ImVec2 badgeSize(std::string_view label, ImFont* font) {
    const ImVec2 s = font->CalcTextSizeA(font->FontSize, 1e9f, 0, label.data(), label.data() + label.size());
    const float padX = font->FontSize * 0.45f, padY = font->FontSize * 0.15f;
    return ImVec2(s.x + 2 * padX, s.y + 2 * padY);
}

ImVec2 badge(ImDrawList* dl, ImVec2 pos, std::string_view label, Rgb background, Rgb foreground, ImFont* font) {
    const ImVec2 size = badgeSize(label, font);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), background.imu32(), size.y * 0.25f);
    BackgroundScope scope(background);
    const float padX = font->FontSize * 0.45f, padY = font->FontSize * 0.15f;
    drawText(dl, font, ImVec2(pos.x + padX, pos.y + padY), size.x - 2 * padX + 1, 1, foreground.imu32(), label);
    return size;
}

}  // namespace kiosk::ui
