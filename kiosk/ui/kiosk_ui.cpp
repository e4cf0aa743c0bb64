// The visitor UI's frame loop, navigation, idle return and font rebuilds (see kiosk_ui.hpp).
#include "ui/kiosk_ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/content_texts.hpp"
#include "core/log.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

namespace {
FontSizes fontSizesFor(const Metrics& m) {
    FontSizes s;
    s.body = m.fontPxForCapHeight(m.bodyCapHeightMm());
    s.small = std::max(m.fontPxForCapHeight(4.8f), std::round(s.body * 0.85f));
    s.heading = std::round(s.body * 1.3f);
    s.title = std::round(s.body * 1.75f);
    s.display = std::round(s.body * 2.8f);
    return s;
}

std::vector<std::string> textsFor(const core::Content* c) {
    std::vector<std::string> texts = allUiStrings();
    if (c) {
        auto more = core::allVisibleTexts(*c);
        texts.insert(texts.end(), more.begin(), more.end());
    }
    return texts;
}
}  // namespace

KioskUi::KioskUi(const core::Clock& clock, const Metrics& metrics, UiOptions options)
    : clock_(clock), metrics_(metrics), options_(std::move(options)), theme_(Theme::standard()),
      lang_(options_.defaultLang) {
    for (auto* make : {&makeAttractScreen, &makeProgrammeScreen}) {
        auto screen = make();
        screens_[screen->name()] = std::move(screen);
    }
}

KioskUi::~KioskUi() = default;

std::vector<std::string> KioskUi::screenNames() { return {"attract", "programme"}; }

core::Status KioskUi::init(std::shared_ptr<const core::Content> content) {
    content_ = std::move(content);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    io.MouseDragThreshold = metrics_.px(3.0f);  // finger jitter under 3 mm is still a tap
    ImGui::StyleColorsLight();
    theme_.applyTo(ImGui::GetStyle());
    auto fonts = buildFonts(*io.Fonts, options_.fontFiles, fontSizesFor(metrics_), textsFor(content_.get()));
    if (!fonts) return core::fail(fonts.error());
    fonts_ = fonts.value();
    setWidgetEnv({&theme_, &fonts_});
    lastInput_ = clock_.seconds();
    if (content_) screens_[current_]->enter(context());
    return core::Ok{};
}

void KioskUi::setContent(std::shared_ptr<const core::Content> content) {
    const bool first = !content_;
    content_ = std::move(content);
    fontsDirty_ = true;
    if (first && content_) screens_[current_]->enter(context());
}

bool KioskUi::prepareFrame() {
    if (!fontsDirty_) return false;
    fontsDirty_ = false;
    auto fonts = buildFonts(*ImGui::GetIO().Fonts, options_.fontFiles, fontSizesFor(metrics_), textsFor(content_.get()));
    if (!fonts) {
        core::log::error("cannot rebuild fonts: " + fonts.error());
        return false;
    }
    fonts_ = fonts.value();
    return true;
}

UiContext KioskUi::context() const {
    return UiContext{content_.get(), &clock_, lang_, &metrics_, &fonts_, &theme_};
}

bool KioskUi::show(const std::string& name) {
    if (!screens_.count(name)) return false;
    current_ = name;
    if (content_) screens_[current_]->enter(context());
    return true;
}

void KioskUi::go(const std::string& name) { pending_ = name; }

void KioskUi::toggleLanguage() { lang_ = lang_ == core::Lang::Fr ? core::Lang::En : core::Lang::Fr; }

void KioskUi::checkIdle(bool activity) {
    const double now = clock_.seconds();
    if (activity) lastInput_ = now;
    if (current_ != "attract" && now - lastInput_ >= options_.idleSeconds) {
        core::log::info("idle for " + std::to_string(static_cast<int>(options_.idleSeconds)) + " s: back to the attract loop");
        lang_ = options_.defaultLang;  // the next visitor starts afresh
        show("attract");
    }
}

void KioskUi::drawLoading() {
    const float w = metrics_.width() - 2 * metrics_.margin();
    ImGui::SetCursorScreenPos(ImVec2(metrics_.margin(), metrics_.height() * 0.45f));
    text(fonts_.heading, w, 2, theme_.textMuted.imu32(), tr(Str::Loading, lang_), Align::Center);
}

void KioskUi::frame(InputQueue& input, float deltaSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(metrics_.width(), metrics_.height());
    io.DeltaTime = deltaSeconds > 0 ? deltaSeconds : 1.0f / 60.0f;
    input.applyTo(io);
    checkIdle(input.takeActivity());
    input.takeKeys();  // keypad navigation arrives with the accessibility mode

    ImGui::NewFrame();
    InteractiveLog::beginFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    if (content_) {
        screens_[current_]->draw(context(), *this);
    } else {
        drawLoading();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::Render();
    if (!pending_.empty()) {
        show(pending_);
        pending_.clear();
    }
    lastMinute_ = static_cast<long>(clock_.now().time_since_epoch().count() / 60);
}

bool KioskUi::needsRedraw() const {
    if (!pending_.empty() || fontsDirty_) return true;
    if (content_ && screens_.at(current_)->animating(context())) return true;
    return static_cast<long>(clock_.now().time_since_epoch().count() / 60) != lastMinute_;
}

}  // namespace kiosk::ui
