// How screens get images without ever waiting: they ask each frame, and get a texture
// once a worker has decoded it and the main thread has uploaded it. The platform's
// texture cache implements this; tests can provide their own.
#pragma once

#include <string>

#include <imgui.h>

namespace kiosk::ui {

struct ImageHandle {
    enum class State { Loading, Ready, Failed };
    State state = State::Loading;
    ImTextureID texture = nullptr;  // valid for this frame when Ready
    float width = 0, height = 0;    // pixels of the decoded (possibly scaled-down) image
};

class ImageSource {
public:
    virtual ~ImageSource() = default;
    // Never blocks. `path` is the image file; `sha256` its expected hash (empty: not
    // checked); the image is decoded scaled down to fit maxWidth x maxHeight pixels.
    // First call: Loading (decode queued); later Ready or Failed (broken, absurd size,
    // wrong hash: a log line says why). Main thread only.
    virtual ImageHandle request(const std::string& path, const std::string& sha256, int maxWidth, int maxHeight) = 0;
    // The visitor left the screen: decodes not started yet are dropped.
    virtual void cancelPending() = 0;
};

}  // namespace kiosk::ui
