// Worker threads that turn image files into RGBA pixels with stb_image and stb_image_resize
// (see image_decoder.hpp). The stb implementations come from Debian's libstb.
#include "core/image_decoder.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <new>

#include "core/files.hpp"
#include "core/image_header.hpp"

namespace kiosk::core {

namespace {

std::string lowercase(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Decoded failed(Decoded d, std::string message) {
    d.ok = false;
    d.error = d.path + ": " + std::move(message);
    d.pixels.clear();
    return d;
}

// The process-wide decode budget: a decode waits until its estimated peak fits beside
// the decodes in progress, so two workers on two big images never hold twice the budget.
class DecodeBudget {
public:
    void acquire(std::uint64_t bytes) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return used_ == 0 || used_ + bytes <= kMaxDecodeBytesTotal; });
        used_ += bytes;
        peak_ = std::max(peak_, used_);
    }
    void release(std::uint64_t bytes) {
        {
            std::lock_guard lock(mutex_);
            used_ -= bytes;
        }
        room_.notify_all();
    }
    std::uint64_t used() {
        std::lock_guard lock(mutex_);
        return used_;
    }
    std::uint64_t peak() {
        std::lock_guard lock(mutex_);
        return peak_;
    }

private:
    std::mutex mutex_;
    std::condition_variable room_;
    std::uint64_t used_ = 0, peak_ = 0;
};

DecodeBudget& budget() {
    static DecodeBudget b;
    return b;
}

struct Reservation {
    explicit Reservation(std::uint64_t n) : bytes(n) { budget().acquire(n); }
    ~Reservation() { budget().release(bytes); }
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;
    std::uint64_t bytes;
};

struct StbFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

// The header says w x h; refuses sizes that would exhaust memory before anything is allocated.
std::string checkDimensions(int w, int h, const ImageDecoderOptions& o) {
    const std::string size = std::to_string(w) + " x " + std::to_string(h) + " pixels";
    if (w <= 0 || h <= 0) return "the file says it is " + size + "; export the image again";
    if (w > o.maxSide || h > o.maxSide) {
        return "the image is " + size + ", more than the limit of " + std::to_string(o.maxSide) +
               " pixels per side; resize it before publishing";
    }
    const auto pixels = static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
    if (pixels > o.maxPixels) {
        return "the image is " + size + " (" + std::to_string(pixels / 1'000'000) +
               " megapixels), more than the limit of " + std::to_string(o.maxPixels / 1'000'000) +
               " megapixels; resize it before publishing";
    }
    return {};
}

Decoded decodeChecked(const DecodeRequest& r, const ImageDecoderOptions& o, Decoded d) {
    auto file = readFile(r.path, o.maxFileBytes);
    if (!file) return failed(std::move(d), "the file cannot be used: " + file.error());
    const std::string& bytes = file.value();
    if (!r.sha256.empty() && sha256Hex(bytes) != lowercase(r.sha256)) {
        return failed(std::move(d),
                      "its SHA-256 does not match the manifest (the file changed or was copied only "
                      "in part); copy it again or rebuild the manifest with `kiosk-feed build`");
    }
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return failed(std::move(d), "the file is too large to decode");
    }
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());

    auto header = readImageHeader(bytes);
    if (!header) return failed(std::move(d), header.error() + "; save it again as PNG or JPEG");
    const ImageHeader& hd = header.value();
    int w = hd.width, h = hd.height, channels = 0;
    if (auto refused = checkDimensions(w, h, o); !refused.empty()) return failed(std::move(d), std::move(refused));
    d.sourceWidth = w;
    d.sourceHeight = h;
    d.sourceBits = hd.bitsPerChannel;
    int fitW = w, fitH = h;
    fitWithin(w, h, r.maxWidth, r.maxHeight, fitW, fitH);
    const std::uint64_t need = estimateDecodeBytes(hd, bytes.size(), fitW, fitH);
    if (need > o.maxDecodeBytes) {
        return failed(std::move(d), "decoding this " + std::to_string(w) + " x " + std::to_string(h) + " image (" +
                                        std::to_string(hd.bitsPerChannel) + " bits per channel) would need about " +
                                        std::to_string(need >> 20) + " MiB, more than the limit of " +
                                        std::to_string(o.maxDecodeBytes >> 20) +
                                        " MiB; export it smaller or with 8 bits per channel");
    }
    if (auto bomb = checkPngData(bytes, hd); !bomb) {
        return failed(std::move(d), "the image cannot be decoded: " + bomb.error() + "; export it again");
    }
    Reservation reserved(need);
    d.reservedBytes = need;

    std::unique_ptr<unsigned char, StbFree> decoded(stbi_load_from_memory(data, length, &w, &h, &channels, 4));
    if (!decoded) {
        const char* why = stbi_failure_reason();
        return failed(std::move(d), std::string("the image cannot be decoded (") + (why ? why : "corrupt data") +
                                        "; the file is damaged or truncated); export it again");
    }
    if (w != d.sourceWidth || h != d.sourceHeight) {  // a header that lies about its size
        return failed(std::move(d), "the image data does not match its header; export it again");
    }

    int outW = w, outH = h;
    fitWithin(w, h, r.maxWidth, r.maxHeight, outW, outH);
    d.width = outW;
    d.height = outH;
    d.pixels.resize(static_cast<std::size_t>(outW) * static_cast<std::size_t>(outH) * 4);
    if (outW == w && outH == h) {
        std::copy_n(decoded.get(), d.pixels.size(), d.pixels.data());
    } else if (!stbir_resize_uint8_srgb(decoded.get(), w, h, 0, d.pixels.data(), outW, outH, 0, 4, 3, 0)) {
        // Colour space sRGB and alpha channel 3: gamma-correct averaging, no dark fringes at transparent edges.
        return failed(std::move(d), "scaling the image down failed (out of memory?)");
    }
    d.ok = true;
    return d;
}

}  // namespace

std::uint64_t decodeBytesReserved() { return budget().used(); }
std::uint64_t decodeBytesReservedPeak() { return budget().peak(); }

void fitWithin(int w, int h, int maxW, int maxH, int& outW, int& outH) {
    outW = std::max(w, 1);
    outH = std::max(h, 1);
    double scale = 1.0;
    if (maxW > 0) scale = std::min(scale, static_cast<double>(maxW) / outW);
    if (maxH > 0) scale = std::min(scale, static_cast<double>(maxH) / outH);
    if (scale >= 1.0) return;
    const int fitW = static_cast<int>(std::lround(outW * scale));
    const int fitH = static_cast<int>(std::lround(outH * scale));
    outW = std::clamp(fitW, 1, maxW > 0 ? maxW : fitW);
    outH = std::clamp(fitH, 1, maxH > 0 ? maxH : fitH);
}

Decoded decodeImageFile(const DecodeRequest& request, const ImageDecoderOptions& options) {
    Decoded d;
    d.ticket = request.ticket;
    d.path = request.path;
    d.decodedOn = std::this_thread::get_id();
    try {
        return decodeChecked(request, options, std::move(d));
    } catch (const std::bad_alloc&) {
        Decoded e;
        e.ticket = request.ticket;
        e.path = request.path;
        e.decodedOn = std::this_thread::get_id();
        return failed(std::move(e), "not enough memory to decode the image; use a smaller image");
    } catch (const std::exception& ex) {
        Decoded e;
        e.ticket = request.ticket;
        e.path = request.path;
        e.decodedOn = std::this_thread::get_id();
        return failed(std::move(e), std::string("the image could not be loaded: ") + ex.what());
    }
}

ImageDecoder::ImageDecoder(ImageDecoderOptions options) : options_(std::move(options)) {
    const int n = std::clamp(options_.threads, 1, 2);
    workers_.reserve(static_cast<std::size_t>(n));
    try {
        for (int i = 0; i < n; ++i) workers_.emplace_back([this] { workerLoop(); });
    } catch (...) {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (auto& t : workers_) t.join();
        throw;
    }
}

ImageDecoder::~ImageDecoder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
}

void ImageDecoder::enqueue(DecodeRequest request) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(request));
    }
    wake_.notify_one();
}

std::vector<std::uint64_t> ImageDecoder::cancelPending() {
    std::lock_guard lock(mutex_);
    std::vector<std::uint64_t> dropped;
    dropped.reserve(queue_.size());
    for (const auto& r : queue_) dropped.push_back(r.ticket);
    queue_.clear();
    return dropped;
}

std::vector<Decoded> ImageDecoder::takeFinished() {
    std::lock_guard lock(mutex_);
    std::vector<Decoded> out;
    out.swap(finished_);
    return out;
}

std::size_t ImageDecoder::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t ImageDecoder::inProgress() const {
    std::lock_guard lock(mutex_);
    return busy_;
}

void ImageDecoder::workerLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        DecodeRequest request = std::move(queue_.front());
        queue_.pop_front();
        ++busy_;
        lock.unlock();
        Decoded result = decodeImageFile(request, options_);  // never throws
        lock.lock();
        --busy_;
        if (stopping_) return;
        try {
            finished_.push_back(std::move(result));
        } catch (const std::bad_alloc&) {
            continue;  // nowhere to report it; the caller keeps showing "loading"
        }
        if (options_.onFinished) {
            lock.unlock();
            options_.onFinished();
            lock.lock();
        }
    }
}

}  // namespace kiosk::core
