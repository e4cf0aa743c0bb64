// The staff keypad and panel (see staff_screens.hpp). Large targets, the kiosk's theme,
// no speech, nothing counted in the statistics (nothing here reaches the stats sink).
#include "ui/staff/staff_screens.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/contrast.hpp"
#include "ui/frame_state.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui::staff {
namespace {

constexpr int kRowLines = 6;  // a status value (an error, a URL) wraps on up to six lines

struct Ctx {
    const Metrics& m;
    const Fonts& f;
    const Theme& t;
    core::Lang lang;
    std::vector<StaffTap>& taps;
    const char* s(Str id) const { return tr(id, lang); }
};

// Status values hold URLs, paths and ids with no space to wrap at: a word wider than
// the column goes on lines of its own, broken after its separators (/ - _ . ,), so the
// staff reads all of it instead of an ellipsis.
std::string breakLongWords(ImFont* font, const std::string& value, float width) {
    const auto widthOf = [font](std::string_view s) {
        return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
    };
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
        const std::size_t sp = value.find(' ', i);
        const std::size_t wordEnd = sp == std::string::npos ? value.size() : sp;
        const std::string_view word(value.data() + i, wordEnd - i);
        if (widthOf(word) <= width) {
            out += word;
        } else {
            if (!out.empty() && out.back() == ' ') out.back() = '\n';
            std::size_t start = 0, lastBreak = 0;
            for (std::size_t k = 0; k < word.size(); ++k) {
                if (lastBreak > start && widthOf(word.substr(start, k + 1 - start)) > width) {
                    out += std::string(word.substr(start, lastBreak - start)) + "\n";
                    start = lastBreak;
                }
                if (std::string_view("/-_.,").find(word[k]) != std::string_view::npos) lastBreak = k + 1;
            }
            out += word.substr(start);
        }
        if (wordEnd < value.size()) out += ' ';
        i = wordEnd + 1;
    }
    return out;
}

std::string keypadStatus(const Ctx& c, const StaffView& v) {
    if (!v.pinSet) return c.s(Str::StaffPinNotSet);
    if (v.verifying) return c.s(Str::StaffPinChecking);
    if (v.waitSeconds > 0) {
        return std::string(c.s(Str::StaffPinWrong)) + " " + c.s(Str::StaffPinWait) + " " +
               std::to_string(v.waitSeconds) + "\u00A0s";
    }
    if (v.wrong) return c.s(Str::StaffPinWrong);
    return c.s(Str::StaffPinPrompt);
}

void drawKeypad(const Ctx& c, const StaffView& v) {
    const float w = c.m.width(), h = c.m.height(), margin = c.m.margin();
    // Title, status, dots, 4 rows of keys, Cancel: centred as a block that fits the height
    // (keys shrink on a short screen, never under 44 CSS px).
    const float texts = c.f.title->FontSize * 2.6f + c.f.body->FontSize * 2.6f;
    float key = keypadKeySize(c.m);
    const float room = h - texts - margin;
    if (key * 5.28f > room) key = std::max(c.m.cssPx(44), room / 5.28f);
    const float gap = std::max(c.m.cssPx(8), key * 0.12f);
    const float gridW = 3 * key + 2 * gap;
    const float x0 = (w - gridW) * 0.5f;
    const float textW = std::min(w - 2 * margin, std::max(gridW * 1.6f, c.m.px(200)));
    const float tx = (w - textW) * 0.5f;
    const float block = texts + 4 * key + 4 * gap + key * 0.8f;
    float y = std::max(margin * 0.5f, (h - block) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(tx, y));
    text(c.f.title, textW, 1, c.t.text.imu32(), c.s(Str::StaffTitle), Align::Center);
    const bool locked = !v.pinSet || v.verifying || v.waitSeconds > 0;
    const Rgb statusColour = (v.wrong || v.waitSeconds > 0) && !v.verifying ? c.t.cancelled : c.t.textMuted;
    ImGui::SetCursorScreenPos(ImVec2(tx, y + c.f.title->FontSize * 1.3f));
    text(c.f.body, textW, 2, statusColour.imu32(), keypadStatus(c, v), Align::Center);
    y += c.f.title->FontSize * 1.3f + c.f.body->FontSize * 2.6f;
    std::string dots;
    for (int i = 0; i < v.digits; ++i) dots += i ? " \u25CF" : "\u25CF";
    ImGui::SetCursorScreenPos(ImVec2(tx, y));
    text(c.f.title, textW, 1, c.t.text.imu32(), dots.empty() ? std::string("\u2014") : dots, Align::Center);
    y += c.f.title->FontSize * 1.3f;
    const ButtonKind kind = locked ? ButtonKind::Secondary : ButtonKind::Primary;
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        ImGui::SetCursorScreenPos(ImVec2(x0 + col * (key + gap), y + row * (key + gap)));
        const int digit = i < 9 ? i + 1 : 0;
        const std::string id = "##staff-key-" + std::to_string(i);
        if (i == 9) {
            if (button(id.c_str(), c.s(Str::StaffErase), ImVec2(key, key), ButtonKind::Secondary, c.f.small) && !locked)
                c.taps.push_back({StaffCommand::Erase});
        } else if (i == 11) {
            if (button(id.c_str(), c.s(Str::StaffOk), ImVec2(key, key),
                       locked ? ButtonKind::Secondary : ButtonKind::Accent, c.f.small) &&
                !locked)
                c.taps.push_back({StaffCommand::Submit});
        } else if (button(id.c_str(), std::to_string(digit), ImVec2(key, key), kind, c.f.title) && !locked) {
            c.taps.push_back({StaffCommand::Digit, digit});
        }
    }
    y += 4 * key + 4 * gap;
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (button("##staff-cancel", c.s(Str::StaffCancel), ImVec2(gridW, key * 0.8f), ButtonKind::Secondary))
        c.taps.push_back({StaffCommand::Cancel});
}

void drawPanel(const Ctx& c, const StaffView& v) {
    const float w = c.m.width(), h = c.m.height(), margin = c.m.margin();
    const float btnH = std::max(c.m.cssPx(56), c.f.bodyBold->FontSize * 2.2f);
    const float gap = c.m.cssPx(8);
    // Header: title, language, close.
    const float closeW = std::max(c.m.cssPx(120), badgeSize(c.s(Str::StaffClose), c.f.bodyBold).x + btnH * 0.5f);
    const float langW = std::max(c.m.cssPx(120), badgeSize(c.s(Str::LanguageButton), c.f.bodyBold).x + btnH * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(w - margin - closeW, margin * 0.5f));
    if (button("##staff-close", c.s(Str::StaffClose), ImVec2(closeW, btnH), ButtonKind::Primary))
        c.taps.push_back({StaffCommand::Close});
    ImGui::SetCursorScreenPos(ImVec2(w - margin - closeW - gap - langW, margin * 0.5f));
    if (button("##staff-lang", c.s(Str::LanguageButton), ImVec2(langW, btnH), ButtonKind::Secondary))
        c.taps.push_back({StaffCommand::Language});
    ImGui::SetCursorScreenPos(ImVec2(margin, margin * 0.5f + (btnH - c.f.heading->FontSize) * 0.5f));
    text(c.f.heading, w - 3 * margin - closeW - langW, 1, c.t.text.imu32(), c.s(Str::StaffPanelTitle));
    float y = margin * 0.5f + btnH + margin * 0.5f;
    // The last action's result, or the timeout note.
    const std::string result = v.working ? std::string(c.s(Str::StaffWorking)) : v.result;
    ImGui::SetCursorScreenPos(ImVec2(margin, y));
    const Rgb resultColour = v.resultFailed ? c.t.cancelled : result.empty() ? c.t.textMuted : c.t.now;
    y += text(c.f.body, w - 2 * margin, 2, resultColour.imu32(),
              result.empty() ? std::string(c.s(Str::StaffTimeoutNote)) : result);
    y += margin * 0.5f;

    // Landscape: rows left, actions right; portrait: rows above, actions in two columns.
    const bool landscape = w >= h;
    const float actionsW = landscape ? std::max(w * 0.34f, c.m.cssPx(240)) : w - 2 * margin;
    const float rowsW = landscape ? w - 3 * margin - actionsW : w - 2 * margin;
    const float labelW = rowsW * 0.3f;
    struct Action {
        const char* id;
        std::string label;
        StaffCommand command;
        int value;
        ButtonKind kind;
    };
    std::vector<Action> actions = {
        {"##staff-sync", c.s(Str::StaffSyncNow), StaffCommand::SyncNow, 0, ButtonKind::Primary},
        {"##staff-rollback", c.s(Str::StaffRollback), StaffCommand::Rollback, 0, ButtonKind::Primary},
        {"##staff-reload", c.s(Str::StaffReload), StaffCommand::Reload, 0, ButtonKind::Primary},
    };
    static const char* previewIds[] = {"##staff-preview-0", "##staff-preview-1", "##staff-preview-2"};
    for (std::size_t i = 0; i < v.previews.size() && i < 3; ++i) {
        actions.push_back({previewIds[i], std::string(c.s(Str::StaffPreview)) + " " + v.previews[i],
                           StaffCommand::Preview, static_cast<int>(i), ButtonKind::Secondary});
    }
    actions.push_back({"##staff-restart", c.s(Str::StaffRestart), StaffCommand::Restart, 0, ButtonKind::Secondary});
    actions.push_back({"##staff-exit", c.s(Str::StaffExit), StaffCommand::Exit, 0, ButtonKind::Accent});
    // The rows' height first: in portrait the actions follow them; a long error or a
    // small screen scrolls the rows in their own area (dragged with a finger).
    const float valueW = rowsW - labelW - gap - std::max(c.m.cssPx(16), 12.0f);  // room for the scroll bar
    std::vector<std::string> values;
    for (const auto& row : v.rows) values.push_back(breakLongWords(c.f.small, row.second, valueW));
    float rowsH = 0;
    for (std::size_t i = 0; i < v.rows.size(); ++i) {
        const float lh = layoutText(c.f.small, v.rows[i].first, labelW - gap, 2).size.y;
        const float vh = layoutText(c.f.small, values[i], valueW, kRowLines).size.y;
        rowsH += std::max(lh, vh) + gap;
    }
    const int cols = landscape ? 1 : 2;
    const int rowsOfButtons = static_cast<int>((actions.size() + cols - 1) / cols);
    const float minButtons = rowsOfButtons * c.m.cssPx(48) + (rowsOfButtons - 1) * gap;
    const float rowsRoom =
        landscape ? h - y - margin * 0.5f : std::max(c.m.cssPx(120), h - y - margin - minButtons - margin * 0.5f);
    const float rowsAreaH = std::min(rowsH, rowsRoom);
    ImGui::SetCursorScreenPos(ImVec2(margin, y));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, std::max(c.m.cssPx(16), 12.0f));
    ImGui::BeginChild("##staff-rows", ImVec2(rowsW, std::max(rowsAreaH, 1.0f)), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(0, 0.0f) && io.MouseDelta.y != 0)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // moves up as the area scrolls
    float ry = origin.y;
    for (std::size_t i = 0; i < v.rows.size(); ++i) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, ry));
        const float lh = text(c.f.small, labelW - gap, 2, c.t.textMuted.imu32(), v.rows[i].first);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + labelW, ry));
        const bool warning = std::find(v.warningRows.begin(), v.warningRows.end(), i) != v.warningRows.end();
        const float vh = text(c.f.small, valueW, kRowLines, (warning ? c.t.cancelled : c.t.text).imu32(), values[i]);
        ry += std::max(lh, vh) + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, ry));
    ImGui::Dummy(ImVec2(1, 0));
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ry = y + rowsAreaH;
    const float bw = (actionsW - (cols - 1) * gap) / static_cast<float>(cols);
    const float ax = landscape ? w - margin - actionsW : margin;
    float ay = landscape ? y : ry + margin * 0.5f;
    const float room = (landscape ? h - y : h - ay) - margin * 0.5f;
    const float bh = std::max(c.m.cssPx(48), std::min(btnH * 1.3f, (room - (rowsOfButtons - 1) * gap) / rowsOfButtons));
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
        ImGui::SetCursorScreenPos(ImVec2(ax + col * (bw + gap), ay + row * (bh + gap)));
        const Action& a = actions[i];
        if (button(a.id, a.label, ImVec2(bw, bh), v.working ? ButtonKind::Secondary : a.kind, c.f.small) && !v.working)
            c.taps.push_back({a.command, a.value});
    }
}

}  // namespace

float keypadKeySize(const Metrics& m) {
    const float fit = std::min(m.width() * 0.22f, m.height() * 0.13f);
    return std::max(m.cssPx(64), std::min(fit, m.cssPx(200)));
}

std::vector<StaffTap> drawStaffFrame(const StaffFrameEnv& env, InputQueue& input, float dt, const StaffView& view) {
    const Metrics& m = *env.metrics;
    const Theme& theme = *env.theme;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(m.width(), m.height());
    io.DeltaTime = std::max(std::clamp(dt, 0.0f, 0.25f), 1e-4f);
    input.applyTo(io);
    (void)input.takePinch();
    (void)input.takeActivity();
    const std::deque<KeyEvent> keys = input.takeKeys();
    setWidgetEnv({env.theme, env.fonts, nullptr, core::langCode(view.lang), std::max(m.cssPx(3), 3.0f)});
    ContrastLog::clear();
    frameState().records.startFrame();  // what this frame draws, as the visitor frames record it
    ContrastLog::push(theme.background);
    ContrastLog::setLargeTextPx(m.cssPx(24));
    std::vector<StaffTap> taps;
    ImGui::NewFrame();
    if (ImGui::IsMouseClicked(0)) KeypadFocus::hide();
    InteractiveLog::beginFrame();
    for (const KeyEvent& k : keys) {  // a keyboard reaches every key of the keypad and panel
        if (!k.down) continue;
        switch (k.key) {
            case Key::Up: KeypadFocus::move(KeypadFocus::Move::Up, 0); break;
            case Key::Down: KeypadFocus::move(KeypadFocus::Move::Down, 0); break;
            case Key::Left: KeypadFocus::move(KeypadFocus::Move::Left, 0); break;
            case Key::Right: KeypadFocus::move(KeypadFocus::Move::Right, 0); break;
            case Key::Tab: KeypadFocus::move(KeypadFocus::Move::Next, 0); break;
            case Key::Enter:
                if (!KeypadFocus::activate() && view.page == StaffView::Page::Keypad)
                    taps.push_back({StaffCommand::Submit});
                break;
            case Key::Back:
                taps.push_back({view.page == StaffView::Page::Keypad && view.digits > 0 ? StaffCommand::Erase
                                                                                        : StaffCommand::Cancel});
                break;
            case Key::Home: taps.push_back({StaffCommand::Cancel}); break;
            case Key::Speech: break;  // no speech in staff mode
        }
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##staff", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    const Ctx c{m, *env.fonts, theme, view.lang, taps};
    if (view.page == StaffView::Page::Keypad) {
        drawKeypad(c, view);
    } else {
        drawPanel(c, view);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::Render();
    return taps;
}

}  // namespace kiosk::ui::staff
