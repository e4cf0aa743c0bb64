// Dear ImGui drawing through SDL_Renderer (the stock imgui_impl_sdlrenderer backend),
// with the font texture re-uploaded when the UI rebuilds its atlas.
#pragma once

struct SDL_Renderer;

namespace kiosk::platform {

class ImGuiRenderer {
public:
    explicit ImGuiRenderer(SDL_Renderer* renderer);  // needs a current ImGui context
    ~ImGuiRenderer();
    ImGuiRenderer(const ImGuiRenderer&) = delete;
    ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

    void fontsChanged();  // the atlas was rebuilt between frames
    void newFrame();
    // Clears to `rgb` and draws ImGui's draw data; does not present.
    void render(unsigned char r, unsigned char g, unsigned char b);

private:
    SDL_Renderer* renderer_;
};

}  // namespace kiosk::platform
