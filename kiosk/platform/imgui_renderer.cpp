// ImGui rendering through the SDL renderer backend (see imgui_renderer.hpp).
#include "platform/imgui_renderer.hpp"

#include <SDL.h>
#include <imgui.h>
#include "platform/imgui_impl_sdlrenderer.h"

namespace kiosk::platform {

ImGuiRenderer::ImGuiRenderer(SDL_Renderer* renderer) : renderer_(renderer) { ImGui_ImplSDLRenderer_Init(renderer); }

ImGuiRenderer::~ImGuiRenderer() { ImGui_ImplSDLRenderer_Shutdown(); }

void ImGuiRenderer::fontsChanged() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void ImGuiRenderer::newFrame() { ImGui_ImplSDLRenderer_NewFrame(); }

void ImGuiRenderer::render(unsigned char r, unsigned char g, unsigned char b) {
    SDL_SetRenderDrawColor(renderer_, r, g, b, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace kiosk::platform
