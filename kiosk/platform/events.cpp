// SDL event translation (see events.hpp).
#include "platform/events.hpp"

#include <SDL.h>

#include "platform/video.hpp"

#include <utility>

namespace kiosk::platform {

EventResult translateEvent(const SDL_Event& e, int w, int h, ui::InputQueue& out, const Video* video) {
    using K = ui::PointerEvent::Kind;
    EventResult r;
    auto point = [&](float x, float y) {
        float px = x, py = y;
        if (video) video->toPicture(x, y, px, py);
        return std::make_pair(px, py);
    };
    switch (e.type) {
        case SDL_QUIT: r.closeRequested = true; break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_CLOSE) r.closeRequested = true;
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            const K kind = e.type == SDL_FINGERDOWN ? K::Down : e.type == SDL_FINGERUP ? K::Up : K::Move;
            const auto [x, y] = point(e.tfinger.x * static_cast<float>(w), e.tfinger.y * static_cast<float>(h));
            r.pointerEvent = ui::PointerEvent{kind, static_cast<std::int64_t>(e.tfinger.fingerId), x, y, true};
            r.pointer = true;
            out.push(r.pointerEvent);
            r.handled = true;
            r.touch = true;
            break;
        }
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            {
                const auto [x, y] = point(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
                r.pointerEvent = ui::PointerEvent{K::Move, -1, x, y, false};
                r.pointer = true;
                out.push(r.pointerEvent);
            }
            r.handled = true;
            r.mouse = true;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            {
                const auto [x, y] = point(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
                r.pointerEvent = ui::PointerEvent{e.type == SDL_MOUSEBUTTONDOWN ? K::Down : K::Up, -1, x, y, false};
                r.pointer = true;
                out.push(r.pointerEvent);
            }
            r.handled = true;
            break;
        case SDL_KEYDOWN: {
            const SDL_Keycode k = e.key.keysym.sym;
            if (k == SDLK_q && (e.key.keysym.mod & KMOD_CTRL) && (e.key.keysym.mod & KMOD_ALT)) r.staffKeys = true;
            if (k >= SDLK_0 && k <= SDLK_9) {
                r.digit = static_cast<int>(k - SDLK_0);
                r.handled = true;
            }
            ui::Key key;
            bool known = true;
            switch (k) {
                case SDLK_UP:
                case SDLK_KP_8: key = ui::Key::Up; break;
                case SDLK_DOWN:
                case SDLK_KP_2: key = ui::Key::Down; break;
                case SDLK_LEFT:
                case SDLK_KP_4: key = ui::Key::Left; break;
                case SDLK_RIGHT:
                case SDLK_KP_6: key = ui::Key::Right; break;
                case SDLK_RETURN:
                case SDLK_KP_ENTER:
                case SDLK_KP_5: key = ui::Key::Enter; break;
                case SDLK_ESCAPE:
                case SDLK_BACKSPACE:
                case SDLK_KP_PERIOD: key = ui::Key::Back; break;
                case SDLK_HOME:
                case SDLK_KP_0: key = ui::Key::Home; break;
                case SDLK_TAB: key = ui::Key::Tab; break;
                case SDLK_KP_MULTIPLY:
                case SDLK_F1: key = ui::Key::Speech; break;  // a keypad key starts speech
                default: known = false; break;
            }
            if (known) {
                out.push(ui::KeyEvent{key, true});
                r.handled = true;
            }
            break;
        }
        default: break;
    }
    return r;
}

}  // namespace kiosk::platform
