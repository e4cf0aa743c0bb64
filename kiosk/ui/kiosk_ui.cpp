// The visitor UI's frame, navigation, idle return and content swaps (see kiosk_ui.hpp).
#include "ui/kiosk_ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/content_texts.hpp"
#include "core/log.hpp"
#include "ui/chrome.hpp"
#include "ui/contrast.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

namespace {
FontSizes fontSizesFor(const Metrics& m, float scale) {
    FontSizes s;
    s.body = std::round(m.fontPxForCapHeight(m.bodyCapHeightMm()) * scale);
    s.small = std::max(m.fontPxForCapHeight(m.minCapHeightMm()), std::round(s.body * 0.85f));
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
    : clock_(clock),
      metrics_(metrics),
      options_(std::move(options)),
      theme_(Theme::standard()),
      lang_(options_.defaultLang) {
    options_.idleWarningSeconds = std::max(20.0, options_.idleWarningSeconds);
    for (auto make : screenFactories()) {
        auto screen = make();
        screens_[screen->id()] = std::move(screen);
    }
}

KioskUi::~KioskUi() = default;

Screen* KioskUi::screen(ScreenId id) {
    auto it = screens_.find(id);
    return it == screens_.end() ? nullptr : it->second.get();
}

core::Status KioskUi::init(std::shared_ptr<const core::Content> content) {
    content_ = std::move(content);
    ImGuiIO& io = ImGui::GetIO();
    installFrameState(&frameState_);
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    io.MouseDragThreshold = metrics_.px(3.0f);  // finger jitter under 3 mm is still a tap
    ImGui::StyleColorsLight();
    applyTheme();
    const auto texts = textsFor(content_.get());
    auto fonts = buildFonts(*io.Fonts, options_.fontFiles, fontSizesFor(metrics_, a11y_.textScale()), texts);
    if (!fonts) return core::fail(fonts.error());
    fonts_ = fonts.value();
    atlasRanges_ = glyphRangesFor(texts);
    lastInput_ = clock_.seconds();
    KeypadFocus::reset();
    KeypadFocus::hide();
    if (content_) enterCurrent();
    return core::Ok{};
}

void KioskUi::setContent(std::shared_ptr<const core::Content> content) {
    content_ = std::move(content);
    pendingContent_.reset();
    // Rebuilding the atlas costs a frame's time: only when the content needs new glyphs.
    if (glyphRangesFor(textsFor(content_.get())) != atlasRanges_) fontsDirty_ = true;
    if (content_) enterCurrent();
}

void KioskUi::offerContent(std::shared_ptr<const core::Content> content) {
    if (!content) return;
    if (!content_ || hasNewUrgent(*content_, *content, clock_.now())) {
        setContent(std::move(content));
        redrawRequested_ = true;
        return;
    }
    if (!pendingContent_) pendingSince_ = clock_.seconds();
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
    const auto texts = textsFor(content_.get());
    auto fonts =
        buildFonts(*ImGui::GetIO().Fonts, options_.fontFiles, fontSizesFor(metrics_, a11y_.textScale()), texts);
    if (!fonts) {
        core::log::error("cannot rebuild fonts: " + fonts.error());
        return false;
    }
    fonts_ = fonts.value();
    atlasRanges_ = glyphRangesFor(texts);
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
    c.hereRoom = options_.hereRoom;
    c.assets = &options_.assets;
    c.dt = dt_;
    c.areaMin = areaMin_;
    c.areaMax = areaMax_;
    c.a11y = a11y_;
    c.contentAsOf = contentAsOf_;
    c.reducedMotion = a11y_.reducedMotion;
    c.speech = a11y_.speech && speech_ ? speech_ : nullptr;
    c.stats = stats_;
    c.pinching = pinch_.active;
    c.pinchScale = pinch_.scale;
    c.pinchCenter = ImVec2(pinch_.centerX, pinch_.centerY);
    return c;
}

void KioskUi::enterCurrent() {
    if (images_) images_->cancelPending();
    screens_.at(routes_.back().screen)->enter(context(), routes_.back());
}

bool KioskUi::show(const std::string& name, const std::string& param) {
    auto route = parseRoute(param.empty() ? name : name + ":" + param);
    if (!route) {
        core::log::error(route.error());
        return false;
    }
    show(route.value());
    return true;
}

void KioskUi::show(const Route& route) {
    if (route.screen == ScreenId::Attract) {
        routes_ = {route};
    } else if (route.screen == ScreenId::Home) {
        routes_ = {Route::attract(), route};
    } else {
        routes_ = {Route::attract(), Route::to(ScreenId::Home), route};
    }
    savedStates_.clear();
    if (content_) enterCurrent();
    KeypadFocus::reset();
    lastInput_ = clock_.seconds();
    redrawRequested_ = true;
}

// Navigation requested while drawing takes effect after the frame.
void KioskUi::go(const Route& route) {
    pendingRoutes_ = routes_;
    if (route.screen == ScreenId::Home) {
        pendingRoutes_ = {Route::attract(), route};
    } else {
        pendingRoutes_.push_back(route);
    }
    routeChanged_ = true;
}

void KioskUi::back() {
    pendingRoutes_ = routes_;
    if (pendingRoutes_.size() > 2) pendingRoutes_.pop_back();
    routeChanged_ = true;
}

void KioskUi::home() { go(ScreenId::Home); }

void KioskUi::toggleLanguage() {
    lang_ = lang_ == core::Lang::Fr ? core::Lang::En : core::Lang::Fr;
    if (stats_) stats_->languageUsed(core::langCode(lang_));
}

// Visits and views for the evaluation: a visit starts when the loop is left and ends
// when it comes back; each screen entered, and the item it shows, is counted.
void KioskUi::countRoute(const Route& from, const Route& to) {
    if (!stats_ || !content_) return;
    if (from.screen == ScreenId::Attract && to.screen != ScreenId::Attract) stats_->visitStarted();
    if (to.screen == ScreenId::Attract) {
        if (from.screen != ScreenId::Attract) stats_->visitEnded();
        return;
    }
    stats_->screenViewed(screenName(to.screen));
    if (to.id.empty()) return;
    const std::string& id = to.id;
    if (to.screen == ScreenId::Session) {
        stats_->itemViewed("session", id);
        for (const auto& s : content_->sessions) {
            if (s.id == id && !s.registration.url.empty() && s.status != core::SessionStatus::Cancelled)
                stats_->qrShown(id);
        }
    } else if (to.screen == ScreenId::Demo) {
        stats_->itemViewed("demo", id);
        for (const auto& d : content_->demos) {
            if (d.id == id && !d.link.empty()) stats_->qrShown(id);
        }
    } else if (to.screen == ScreenId::Place || to.screen == ScreenId::Page) {
        stats_->itemViewed(screenName(to.screen), id);
    }
}

void KioskUi::applyTheme() {
    switch (a11y_.contrast) {
        case ContrastMode::Normal: theme_ = Theme::standard(); break;
        case ContrastMode::DarkOnLight: theme_ = Theme::highContrastLight(); break;
        case ContrastMode::LightOnDark: theme_ = Theme::highContrastDark(); break;
    }
    theme_.applyTo(ImGui::GetStyle());
}

void KioskUi::setAccessibility(const AccessibilitySettings& settings) {
    if (settings == a11y_) return;
    const bool fontsChange = settings.textStep != a11y_.textStep;
    const bool speechOff = a11y_.speech && !settings.speech;
    if (stats_) {
        if (settings.textStep > a11y_.textStep) stats_->accessibilityUsed("larger_text");
        if (settings.contrast != a11y_.contrast && settings.contrast != ContrastMode::Normal)
            stats_->accessibilityUsed("high_contrast");
        if (settings.reducedMotion && !a11y_.reducedMotion) stats_->accessibilityUsed("reduced_motion");
        if (settings.speech && !a11y_.speech) stats_->accessibilityUsed("speech");
        if (settings.seated && !a11y_.seated) stats_->accessibilityUsed("seated");
        if (settings.easyRead && !a11y_.easyRead) stats_->accessibilityUsed("easy_read");
    }
    a11y_ = settings;
    applyTheme();
    if (fontsChange) fontsDirty_ = true;
    if (speechOff && speech_) {
        speech_->stop();
        speechPaused_ = false;
    }
    if (a11y_.reducedMotion) core::log::debug("reduced motion on");
}

void KioskUi::setMetrics(const Metrics& metrics) {
    metrics_ = metrics;
    fontsDirty_ = true;
    if (content_) enterCurrent();
}

void KioskUi::speak(const std::string& text, std::string_view lang) {
    if (!a11y_.speech || !speech_ || text.empty()) return;
    frameState_.speech.cancel();  // said now: what waited is older
    lastContent_ = {text, std::string(lang.empty() ? core::langCode(lang_) : lang), true};
    speechPaused_ = false;
    speech_->speak(lastContent_.text, lastContent_.lang);
}

void KioskUi::stopSpeech() {
    frameState_.speech.cancel();
    speechPaused_ = false;
    if (speech_ && a11y_.speech) speech_->stop();
}

// Whether the item at `pos` (or the focused one) is a speech control: pressing Pause or
// Repeat must not first stop what they act on.
bool KioskUi::onSpeechControl(ImVec2 pos, bool focused) const {
    for (const auto& i : frameState_.previousItems) {
        auto inside = [&](ImVec2 a, ImVec2 b) { return pos.x >= a.x && pos.x < b.x && pos.y >= a.y && pos.y < b.y; };
        // A list's card scrolled under the footer is not what the finger is on.
        const bool hit = focused ? i.id != 0 && i.id == frameState_.focus.focused
                                 : inside(i.min, i.max) && (!i.inList || inside(i.panelMin, i.panelMax));
        if (hit) return i.speechControl;
    }
    return false;
}

// Keypad: arrows move the focus, Enter activates, Back goes back, Home goes home; the
// speech key turns speech on (and says where the visitor is).
void KioskUi::handleKeys(std::deque<KeyEvent> keys) {
    // With speech on, an earcon says what a key did before the words come (a move that
    // finds nothing further is the end of the list).
    auto earcon = [&](Earcon e) {
        if (earcons_ && a11y_.speech) earcons_->play(e);
    };
    auto move = [&](KeypadFocus::Move m) {
        earcon(KeypadFocus::move(m, areaMin_.y) ? Earcon::FocusMoved : Earcon::EndOfList);
    };
    for (const KeyEvent& k : keys) {
        if (!k.down) continue;
        // Any key stops speech, except Enter on Pause or Repeat. A move keeps what waits to
        // be said: the item it reaches replaces it, and at the end of a list it stays.
        const bool moveKey =
            k.key == Key::Up || k.key == Key::Down || k.key == Key::Left || k.key == Key::Right || k.key == Key::Tab;
        if (moveKey && speech_ && a11y_.speech) {
            speech_->stop();
            speechPaused_ = false;
        } else if (!moveKey && !(k.key == Key::Enter && onSpeechControl({}, true))) {
            stopSpeech();
        }
        switch (k.key) {
            case Key::Up: move(KeypadFocus::Move::Up); break;
            case Key::Down: move(KeypadFocus::Move::Down); break;
            case Key::Left: move(KeypadFocus::Move::Left); break;
            case Key::Right: move(KeypadFocus::Move::Right); break;
            case Key::Tab: move(KeypadFocus::Move::Next); break;
            case Key::Enter:
                if (KeypadFocus::activate()) {
                    earcon(Earcon::Activated);
                    break;
                }
                if (currentId() == ScreenId::Attract) {
                    go(ScreenId::Home);  // a keypad wakes the kiosk like a touch
                } else {
                    KeypadFocus::move(KeypadFocus::Move::Next, areaMin_.y);
                }
                break;
            case Key::Back:
                if (currentId() == ScreenId::Attract) break;
                earcon(Earcon::Back);
                if (canGoBack())
                    back();
                else
                    go(ScreenId::Attract);
                break;
            case Key::Home:
                if (currentId() != ScreenId::Attract) home();
                break;
            case Key::Speech: {
                AccessibilitySettings s = a11y_;
                s.speech = true;
                setAccessibility(s);
                speak(std::string(tr(Str::SpeechOn, lang_)) + " " + KeypadFocus::focusedLabel(), {});
                break;
            }
        }
    }
}

// An urgent announcement valid now is shown on every screen, under the header.
float KioskUi::drawUrgent(float top) {
    if (!content_) return 0;
    const core::Announcement* urgent = nullptr;
    for (const auto& a : content_->announcements) {
        if (a.priority == core::Priority::Urgent && a.validAt(clock_.now())) urgent = &a;
    }
    if (!urgent) return 0;
    const float margin = metrics_.margin();
    const std::string text = "\u26A0 " + urgent->text.str(lang_);
    const float w = metrics_.width() - 2 * margin;
    const float h = layoutText(fonts_.bodyBold, text, w, 0).size.y + margin * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(metrics_.width(), top + h), theme_.cancelled.imu32());
    BackgroundScope band(theme_.cancelled);
    drawText(dl, fonts_.bodyBold, ImVec2(margin, top + margin * 0.25f), w, 0, theme_.onPrimary.imu32(), text);
    return h;
}

// Portrait screens carry their navigation here, within reach, and the speech controls on
// a second row; elsewhere the bar holds the accessibility button (and speech controls).
int KioskUi::footerRows() const {
    return (metrics_.controlsLow() && a11y_.speech && speech_ ? 2 : 1) + (languageOnOwnRow() ? 1 : 0);
}

std::string KioskUi::accessibilityLabel() const { return std::string("\u267F ") + tr(Str::Accessibility, lang_); }

float KioskUi::accessibilityButtonWidth() const {
    return std::max(metrics_.cssPx(160), badgeSize(accessibilityLabel(), fonts_.bodyBold).x + fonts_.body->FontSize);
}

// Portrait, large text: Home, Back, Accessibility and the language do not fit on one row;
// the language goes on a row of its own rather than over the accessibility button.
bool KioskUi::languageOnOwnRow() const {
    if (!metrics_.controlsLow()) return false;
    const UiContext ctx = context();
    const float langW = languageButtonWidth(ctx);
    if (langW <= 0) return false;
    const float margin = metrics_.margin();
    const float used = margin + navButtonsWidth(ctx, *this, currentId() != ScreenId::Home) +
                       accessibilityButtonWidth() + margin * 0.5f + langW + margin;
    return used > metrics_.width();
}

float KioskUi::footerHeight() const {
    return static_cast<float>(footerRows()) * (controlHeight(context()) + metrics_.margin() * 0.5f);
}

float KioskUi::drawFooter() {
    const float margin = metrics_.margin();
    const float h = controlHeight(context());
    const float barH = footerHeight();
    const float top = metrics_.height() - barH;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(metrics_.width(), metrics_.height()), theme_.surface.imu32());
    dl->AddLine(ImVec2(0, top), ImVec2(metrics_.width(), top), theme_.border.imu32(), 1.0f);
    BackgroundScope bar(theme_.surface);
    float y = top + margin * 0.25f;
    const std::string label = accessibilityLabel();
    const float w = accessibilityButtonWidth();
    float a11yX = margin;
    if (metrics_.controlsLow()) {
        const UiContext ctx = context();
        a11yX = drawNavButtons(ctx, *this, ImVec2(margin, y), h, currentId() != ScreenId::Home);
        const float langY = languageOnOwnRow() ? y + h + margin * 0.5f : y;
        drawLanguageButton(ctx, *this, ImVec2(metrics_.width() - margin - languageButtonWidth(ctx), langY), h);
    }
    ImGui::SetCursorScreenPos(ImVec2(a11yX, y));
    if (button("##a11y", label, ImVec2(w, h), ButtonKind::Accent)) go(ScreenId::Accessibility);
    if (languageOnOwnRow()) y += h + margin * 0.5f;
    if (footerRows() - (languageOnOwnRow() ? 1 : 0) == 2) y += h + margin * 0.5f;
    if (a11y_.speech && speech_) {  // speech controls: repeat, pause, volume
        // Pause turns into Resume when pressed, and back when pressed or when speech ends.
        const char* labels[] = {tr(Str::Repeat, lang_), speechPaused_ ? tr(Str::Resume, lang_) : tr(Str::Pause, lang_),
                                tr(Str::VolumeDown, lang_), tr(Str::VolumeUp, lang_)};
        float x = metrics_.width() - margin;
        float widths[4];
        for (int i = 3; i >= 0; --i) {
            widths[i] =
                std::max(metrics_.cssPx(72), badgeSize(labels[i], fonts_.bodyBold).x + fonts_.body->FontSize * 0.6f);
            x -= widths[i] + (i < 3 ? metrics_.px(2) : 0);
        }
        const char* ids[] = {"##repeat", "##pause", "##vol-down", "##vol-up"};
        for (int i = 0; i < 4; ++i) {
            if (footerRows() - (languageOnOwnRow() ? 1 : 0) == 1 && x < a11yX + w)
                break;  // not enough room: the keypad and the panel still offer them
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            speechControlNext();
            if (button(ids[i], labels[i], ImVec2(widths[i], h), ButtonKind::Secondary)) {
                switch (i) {
                    case 0:  // the last content again, never "Repeat" itself
                        frameState_.speech.cancel();
                        if (!lastContent_.text.empty()) speak(lastContent_.text, lastContent_.lang);
                        break;
                    case 1:
                        frameState_.speech.cancel();
                        if (speechPaused_) {
                            speech_->resume();
                            speechPaused_ = false;
                        } else if (speech_->speaking()) {
                            speech_->pause();
                            speechPaused_ = true;
                        }
                        break;
                    case 2: speech_->setVolume(speech_->volume() - 1); break;
                    case 3: speech_->setVolume(speech_->volume() + 1); break;
                }
            }
            x += widths[i] + metrics_.px(2);
        }
    }
    return barH;
}

void KioskUi::resetForNextVisitor() {
    core::log::info("no touch for a while: back to the attract loop, settings reset for the next visitor");
    lang_ = options_.defaultLang;
    idleWarning_ = false;
    if (speech_) {
        speech_->stop();
        speech_->setVolume(SpeechOutput::kDefaultVolume);
    }
    frameState_.speech.cancel();
    speechPaused_ = false;
    lastContent_ = {};
    setAccessibility(AccessibilitySettings{});
    KeypadFocus::reset();
    KeypadFocus::hide();
    applyPendingContent();
    if (stats_ && currentId() != ScreenId::Attract) stats_->visitEnded();
    show(Route::attract());
}

void KioskUi::checkIdle(bool activity) {
    const double now = clock_.seconds();
    if (activity) {
        lastInput_ = now;
        idleWarning_ = false;
    }
    if (currentId() == ScreenId::Attract) return;
    const double idle = now - lastInput_;
    if (idle >= idleSeconds() + options_.idleWarningSeconds) {
        resetForNextVisitor();
        redrawRequested_ = true;
    } else if (idle >= idleSeconds() && !idleWarning_) {
        idleWarning_ = true;
        redrawRequested_ = true;  // the dialog is an auto-sized window: it shows a frame later
        speak(std::string(tr(Str::StillThere, lang_)) + " " + tr(Str::ReturningIn, lang_) + " " +
                  std::to_string(static_cast<int>(options_.idleWarningSeconds)) + " s. " + tr(Str::Continue, lang_) +
                  (lang_ == core::Lang::En ? "?" : "\u202F?"),
              {});
    }
}

// Before any content: "loading", and for a kiosk that follows a feed but has not synced
// yet, its name and the feed's host, in both languages (nobody has chosen one yet).
void KioskUi::drawLoading() {
    const float w = metrics_.width() - 2 * metrics_.margin();
    ImGui::SetCursorScreenPos(ImVec2(metrics_.margin(), metrics_.height() * 0.4f));
    if (options_.feedHost.empty()) {
        text(fonts_.heading, w, 2, theme_.textMuted.imu32(), tr(Str::Loading, lang_), Align::Center);
        return;
    }
    text(fonts_.heading, w, 2, theme_.text.imu32(), tr(Str::ContentLoading, core::Lang::Fr), Align::Center);
    text(fonts_.body, w, 2, theme_.textMuted.imu32(), tr(Str::ContentLoading, core::Lang::En), Align::Center);
    ImGui::Dummy(ImVec2(w, metrics_.margin()));
    const std::string who =
        (options_.kioskName.empty() ? std::string() : options_.kioskName + " \u2190 ") + options_.feedHost;
    text(fonts_.body, w, 2, theme_.textMuted.imu32(), who, Align::Center);
}

void KioskUi::drawIdleWarning() {
    const float w = std::min(metrics_.width() * 0.9f, metrics_.px(260));
    const float pad = metrics_.margin();
    const double left = idleSeconds() + options_.idleWarningSeconds - (clock_.seconds() - lastInput_);
    const int seconds = std::max(0, static_cast<int>(std::ceil(left)));
    ImGui::SetNextWindowPos(ImVec2(metrics_.width() * 0.5f, metrics_.height() * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme_.surface.imu32()));
    BackgroundScope dialog(theme_.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(theme_.primary.imu32()));
    ImGui::Begin("##idle-warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    const float inner = w - 2 * pad;
    const std::string count = std::string(tr(Str::ReturningIn, lang_)) + " " + std::to_string(seconds) + "\u00A0s";
    // The largest fonts with which the whole dialog, Continuer included, fits on the screen
    // (at 200 % text the title alone could fill a tablet).
    const float buttonH = std::max(metrics_.minControlPx(), fonts_.bodyBold->FontSize * 1.7f);
    ImFont* titleFont = fonts_.title;
    ImFont* countFont = fonts_.heading;
    for (auto [t, c] : {std::pair{fonts_.title, fonts_.heading}, std::pair{fonts_.heading, fonts_.bodyBold},
                        std::pair{fonts_.bodyBold, fonts_.body}}) {
        titleFont = t;
        countFont = c;
        const TextLayout a = layoutText(t, tr(Str::StillThere, lang_), inner, 3), b = layoutText(c, count, inner, 3);
        if (!a.overflow && !b.overflow && a.size.y + b.size.y + pad * 2.5f + buttonH <= metrics_.height() * 0.9f) break;
    }
    text(titleFont, inner, 3, theme_.text.imu32(), tr(Str::StillThere, lang_), Align::Center);
    text(countFont, inner, 3, theme_.primary.imu32(), count, Align::Center);
    ImGui::Dummy(ImVec2(inner, pad * 0.5f));
    if (button("##continue", tr(Str::Continue, lang_), ImVec2(inner, buttonH), ButtonKind::Accent)) {
        lastInput_ = clock_.seconds();
        idleWarning_ = false;
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
}

void KioskUi::frame(InputQueue& input, float deltaSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    installFrameState(&frameState_);
    frameState_.records.startFrame();
    io.DisplaySize = ImVec2(metrics_.width(), metrics_.height());
    // A frame drawn again at the same instant moves nothing (dt 0); ImGui itself needs > 0.
    dt_ = std::clamp(deltaSeconds, 0.0f, 0.25f);
    io.DeltaTime = std::max(dt_, 1e-4f);
    input.applyTo(io);
    pinch_ = input.takePinch();
    std::deque<KeyEvent> keys = input.takeKeys();
    const bool activity = input.takeActivity();
    checkIdle(activity);
    animating_ = false;
    frameLang_ = lang_;
    frameA11y_ = a11y_;
    // Each tone of the focus ring 3 CSS px at 100 % text, growing with the text.
    setWidgetEnv({&theme_, &fonts_, a11y_.speech ? speech_ : nullptr, core::langCode(lang_),
                  std::max(metrics_.cssPx(3), 3.0f) * std::max(1.0f, a11y_.textScale())});
    ContrastLog::clear();
    ContrastLog::push(theme_.background);
    ContrastLog::setLargeTextPx(metrics_.cssPx(24));

    ImGui::NewFrame();
    InteractiveLog::beginFrame();
    if (ImGui::IsMouseClicked(0)) {  // a touch stops speech and puts the keypad ring away
        if (!onSpeechControl(io.MousePos, false)) stopSpeech();
        KeypadFocus::hide();
    }
    handleKeys(std::move(keys));
    // What focus or the finger settled on 300 ms ago is said now (speech_settle.hpp).
    if (auto due = frameState_.speech.take(clock_.seconds()); due && speech_ && a11y_.speech) {
        if (due->content) lastContent_ = *due;
        speechPaused_ = false;
        speech_->speak(due->text, due->lang);
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    if (content_) {
        Screen& screen = *screens_.at(currentId());
        const UiContext headerCtx = context();
        const std::string title = screen.title(headerCtx);
        float top = 0, bottom = metrics_.height();
        if (!title.empty()) top = drawHeader(headerCtx, *this, title, currentId() != ScreenId::Home);
        top += drawUrgent(top);
        const bool footer = currentId() != ScreenId::Attract;
        if (footer) bottom -= footerHeight();
        areaMin_ = ImVec2(0, top);
        areaMax_ = ImVec2(metrics_.width(), bottom);
        ImGui::SetCursorScreenPos(areaMin_);
        screen.draw(context(), *this);
        if (footer) drawFooter();  // the accessibility button, low on every screen
    } else {
        drawLoading();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    if (idleWarning_ && content_) drawIdleWarning();
    if (overlay_) overlay_();
    ImGui::Render();

    if (safePoint_) {
        safePoint_ = false;
        applyPendingContent();
    }
    // What this frame changed (a route, the language, a setting) shows in the next one.
    redrawRequested_ = routeChanged_ || safePoint_ || lang_ != frameLang_ || !(a11y_ == frameA11y_);
    if (routeChanged_) {
        routeChanged_ = false;
        countRoute(routes_.back(), pendingRoutes_.back());
        // The screen as the visitor leaves it stays with its route; coming Back hands it over.
        const std::size_t from = routes_.size();
        savedStates_.resize(from);
        if (content_) savedStates_[from - 1] = screens_.at(currentId())->saveState();
        routes_ = pendingRoutes_;
        const bool popped = routes_.size() < from;
        savedStates_.resize(routes_.size());
        if (!popped) savedStates_.back().reset();
        // A visitor coming Home sees the new content; elsewhere it waits a bounded time.
        if (currentId() == ScreenId::Home ||
            (pendingContent_ && clock_.seconds() - pendingSince_ >= options_.newContentDelaySeconds)) {
            applyPendingContent();
        }
        if (content_) enterCurrent();
        if (content_ && popped && savedStates_.back().has_value())
            screens_.at(currentId())->restoreState(savedStates_.back());
        KeypadFocus::reset();
        frameState_.speech.cancel();  // the old screen's item is not said on the new one
        if (content_) speak(screens_.at(currentId())->title(context()), {});
    }
    frameState_.speech.stamp(clock_.seconds());
    if (!a11y_.speech || !speech_) frameState_.speech.cancel();
    lastSpeaking_ = speech_ && a11y_.speech && speech_->speaking();
    dueAt_ = clock_.seconds() + computeSecondsUntilChange();
}

// From the state just drawn: when the picture will change by itself.
double KioskUi::computeSecondsUntilChange() const {
    double next = 60.0 - static_cast<double>(clock_.now().time_since_epoch().count() % 60);
    if (content_) next = std::min(next, screens_.at(currentId())->secondsUntilChange(context()));
    if (currentId() != ScreenId::Attract && content_) {
        const double idle = clock_.seconds() - lastInput_;
        // The countdown's number changes on each whole second after the warning appeared.
        next = std::min(
            next, idleWarning_ ? std::max(0.001, 1.0 - std::fmod(idle - idleSeconds(), 1.0)) : idleSeconds() - idle);
    }
    // Pause becomes Resume when speech ends: at the end of the queued audio, or when the
    // engine's notifier wakes the loop after a synthesis.
    if (lastSpeaking_) next = std::min(next, speech_->secondsUntilQuiet());
    // Speech waiting for focus to settle: its frame is drawn on time, no input needed.
    next = std::min(next, frameState_.speech.secondsUntilDue(clock_.seconds()));
    // At least a millisecond: a change "now" was drawn in this frame, and a due time
    // that rounds to the present would make the loop draw the same instant forever.
    return std::max(0.001, next);
}

double KioskUi::secondsUntilChange() const { return std::max(0.0, dueAt_ - clock_.seconds()); }

bool KioskUi::needsRedraw() const {
    if (routeChanged_ || redrawRequested_ || fontsDirty_) return true;
    if (speech_ && a11y_.speech && speech_->speaking() != lastSpeaking_) return true;
    return clock_.seconds() >= dueAt_;
}

}  // namespace kiosk::ui
