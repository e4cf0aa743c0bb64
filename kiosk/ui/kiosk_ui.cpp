// The visitor UI's frame, navigation, idle return and content swaps (see kiosk_ui.hpp).
#include "ui/kiosk_ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/content_texts.hpp"
#include "core/log.hpp"
#include "ui/chrome.hpp"
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

bool hasNewUrgent(const core::Content& current, const core::Content& next, core::Instant now) {
    for (const auto& a : next.announcements) {
        if (a.priority != core::Priority::Urgent || !a.validAt(now)) continue;
        const bool known = std::any_of(current.announcements.begin(), current.announcements.end(), [&](const auto& b) {
            return b.id == a.id && b.text.str(core::Lang::Fr) == a.text.str(core::Lang::Fr);
        });
        if (!known) return true;
    }
    return false;
}
}  // namespace

KioskUi::KioskUi(const core::Clock& clock, const Metrics& metrics, UiOptions options)
    : clock_(clock), metrics_(metrics), options_(std::move(options)), theme_(Theme::standard()),
      lang_(options_.defaultLang) {
    options_.idleWarningSeconds = std::max(20.0, options_.idleWarningSeconds);
    for (auto make : screenFactories()) {
        auto screen = make();
        screens_[screen->name()] = std::move(screen);
    }
}

KioskUi::~KioskUi() = default;

std::vector<std::string> KioskUi::screenNames() {
    std::vector<std::string> names;
    for (auto make : screenFactories()) names.push_back(make()->name());
    return names;
}

Screen* KioskUi::screen(const std::string& name) {
    auto it = screens_.find(name);
    return it == screens_.end() ? nullptr : it->second.get();
}

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
    if (content_) enterCurrent();
    return core::Ok{};
}

void KioskUi::setContent(std::shared_ptr<const core::Content> content) {
    content_ = std::move(content);
    pendingContent_.reset();
    fontsDirty_ = true;
    if (content_) enterCurrent();
}

void KioskUi::offerContent(std::shared_ptr<const core::Content> content) {
    if (!content) return;
    if (!content_ || hasNewUrgent(*content_, *content, clock_.now())) {
        setContent(std::move(content));
        return;
    }
    pendingContent_ = std::move(content);
}

void KioskUi::applyPendingContent() {
    if (!pendingContent_) return;
    core::log::info("showing content version " + std::to_string(pendingContent_->manifest.version));
    setContent(std::move(pendingContent_));
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
    UiContext c;
    c.content = content_.get();
    c.clock = &clock_;
    c.lang = lang_;
    c.metrics = &metrics_;
    c.fonts = &fonts_;
    c.theme = &theme_;
    c.images = images_;
    c.herePlace = options_.herePlace;
    c.dt = dt_;
    c.areaMin = areaMin_;
    c.areaMax = areaMax_;
    c.pinching = pinch_.active;
    c.pinchScale = pinch_.scale;
    c.pinchCenter = ImVec2(pinch_.centerX, pinch_.centerY);
    return c;
}

void KioskUi::enterCurrent() {
    if (images_) images_->cancelPending();
    screens_.at(routes_.back().screen)->enter(context(), routes_.back().param);
}

bool KioskUi::show(const std::string& name, const std::string& param) {
    if (!screens_.count(name)) return false;
    if (name == "attract") {
        routes_ = {{"attract", {}}};
    } else if (name == "home") {
        routes_ = {{"attract", {}}, {"home", {}}};
    } else {
        routes_ = {{"attract", {}}, {"home", {}}, {name, param}};
    }
    if (content_) enterCurrent();
    return true;
}

// Navigation requested while drawing takes effect after the frame.
void KioskUi::go(const std::string& name, const std::string& param) {
    if (!screens_.count(name)) {
        core::log::error("no screen named " + name);
        return;
    }
    pendingRoutes_ = routes_;
    if (name == "home") {
        pendingRoutes_ = {{"attract", {}}, {"home", {}}};
    } else {
        pendingRoutes_.push_back({name, param});
    }
    routeChanged_ = true;
}

void KioskUi::back() {
    pendingRoutes_ = routes_;
    if (pendingRoutes_.size() > 2) pendingRoutes_.pop_back();
    routeChanged_ = true;
}

void KioskUi::home() { go("home"); }

void KioskUi::toggleLanguage() { lang_ = lang_ == core::Lang::Fr ? core::Lang::En : core::Lang::Fr; }

void KioskUi::resetForNextVisitor() {
    core::log::info("no touch for a while: back to the attract loop, settings reset for the next visitor");
    lang_ = options_.defaultLang;
    idleWarning_ = false;
    applyPendingContent();
    show("attract");
}

void KioskUi::checkIdle(bool activity) {
    const double now = clock_.seconds();
    if (activity) {
        lastInput_ = now;
        idleWarning_ = false;
    }
    if (currentScreen() == "attract") return;
    const double idle = now - lastInput_;
    if (idle >= options_.idleSeconds + options_.idleWarningSeconds) {
        resetForNextVisitor();
    } else if (idle >= options_.idleSeconds) {
        idleWarning_ = true;
    }
}

void KioskUi::drawLoading() {
    const float w = metrics_.width() - 2 * metrics_.margin();
    ImGui::SetCursorScreenPos(ImVec2(metrics_.margin(), metrics_.height() * 0.45f));
    text(fonts_.heading, w, 2, theme_.textMuted.imu32(), tr(Str::Loading, lang_), Align::Center);
}

void KioskUi::drawIdleWarning() {
    const float w = std::min(metrics_.width() * 0.8f, metrics_.px(260));
    const float pad = metrics_.margin();
    const double left = options_.idleSeconds + options_.idleWarningSeconds - (clock_.seconds() - lastInput_);
    const int seconds = std::max(0, static_cast<int>(std::ceil(left)));
    ImGui::GetForegroundDrawList();  // the panel is its own window on top of the screen
    ImGui::SetNextWindowPos(ImVec2(metrics_.width() * 0.5f, metrics_.height() * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(theme_.primary.imu32()));
    ImGui::Begin("##idle-warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    const float inner = w - 2 * pad;
    text(fonts_.title, inner, 2, theme_.text.imu32(), tr(Str::StillThere, lang_), Align::Center);
    const std::string count = std::string(tr(Str::ReturningIn, lang_)) + " " + std::to_string(seconds) + "\u00A0s";
    text(fonts_.heading, inner, 2, theme_.primary.imu32(), count, Align::Center);
    ImGui::Dummy(ImVec2(inner, pad * 0.5f));
    if (button("##continue", tr(Str::Continue, lang_), ImVec2(inner, metrics_.cssPx(56) + fonts_.bodyBold->FontSize),
               ButtonKind::Accent)) {
        lastInput_ = clock_.seconds();
        idleWarning_ = false;
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
}

void KioskUi::frame(InputQueue& input, float deltaSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(metrics_.width(), metrics_.height());
    dt_ = deltaSeconds > 0 ? std::min(deltaSeconds, 0.25f) : 1.0f / 60.0f;
    io.DeltaTime = dt_;
    input.applyTo(io);
    pinch_ = input.takePinch();
    checkIdle(input.takeActivity());
    input.takeKeys();  // keypad navigation arrives with the accessibility mode
    animating_ = false;

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
        Screen& screen = *screens_.at(currentScreen());
        const UiContext headerCtx = context();
        const std::string title = screen.title(headerCtx);
        float top = 0;
        if (!title.empty()) top = drawHeader(headerCtx, *this, title, currentScreen() != "home");
        areaMin_ = ImVec2(0, top);
        areaMax_ = ImVec2(metrics_.width(), metrics_.height());
        ImGui::SetCursorScreenPos(areaMin_);
        screen.draw(context(), *this);
    } else {
        drawLoading();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    if (idleWarning_ && content_) drawIdleWarning();
    ImGui::Render();

    if (safePoint_) {
        safePoint_ = false;
        applyPendingContent();
    }
    if (routeChanged_) {
        routeChanged_ = false;
        routes_ = pendingRoutes_;
        if (currentScreen() == "home") applyPendingContent();  // a visitor coming Home sees the new content
        if (content_) enterCurrent();
    }
    lastMinute_ = static_cast<long>(clock_.now().time_since_epoch().count() / 60);
}

double KioskUi::secondsUntilChange() const {
    double next = 60.0 - static_cast<double>(clock_.now().time_since_epoch().count() % 60);
    if (content_) next = std::min(next, screens_.at(currentScreen())->secondsUntilChange(context()));
    if (currentScreen() != "attract") {
        const double idle = clock_.seconds() - lastInput_;
        next = std::min(next, idleWarning_ ? 1.0 - std::fmod(idle, 1.0) : options_.idleSeconds - idle);
    }
    return std::max(0.0, next);
}

bool KioskUi::needsRedraw() const {
    if (routeChanged_ || fontsDirty_ || animating_ || pinch_.active) return true;
    if (static_cast<long>(clock_.now().time_since_epoch().count() / 60) != lastMinute_) return true;
    return secondsUntilChange() <= 0.0;
}

}  // namespace kiosk::ui
