// Image decoding off the main thread: a small pool of workers reads, checks and decodes
// image files to RGBA with stb_image, scaled down to a size; the main thread drains results.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/limits.hpp"

namespace kiosk::core {

struct DecodeRequest {
    std::string path;    // the image file (PNG, JPEG, GIF first frame, BMP, TGA...)
    std::string sha256;  // expected SHA-256, 64 hex digits; empty: not checked
    int maxWidth = 0;    // the result fits in maxWidth x maxHeight; <= 0: no limit on that side
    int maxHeight = 0;
    std::uint64_t ticket = 0;  // the caller's id for this request, returned unchanged
};

struct Decoded {
    std::uint64_t ticket = 0;
    std::string path;
    bool ok = false;
    std::string error;                      // when !ok: one sentence naming the file, the cause and what to do
    int width = 0, height = 0;              // of `pixels` (after scaling down)
    int sourceWidth = 0, sourceHeight = 0;  // of the file
    int sourceBits = 0;                     // bits per channel in the file (16-bit images cost twice as much)
    // Peak memory this decode was estimated to need from the header, and reserved from
    // the process-wide decode budget while it ran; 0 when refused before that.
    std::uint64_t reservedBytes = 0;
    std::vector<unsigned char> pixels;  // RGBA, 8 bits per channel, rows packed (width * 4 bytes), straight alpha
    std::thread::id decodedOn;          // the thread that did the work (tests check it is a worker)
};

struct ImageDecoderOptions {
    int threads = 1;                                          // workers, clamped to 1..2
    std::uint64_t maxFileBytes = FeedLimits{}.maxImageBytes;  // 16 MiB
    int maxSide = FeedLimits{}.maxImageSide;                  // 16384 pixels, width or height
    std::uint64_t maxPixels = FeedLimits{}.maxImagePixels;    // width x height before scaling: 24 megapixels
    // Estimated peak memory of one decode (file, stb_image's buffers, scaled result); an
    // image that would need more is refused before anything is allocated for it.
    std::uint64_t maxDecodeBytes = kMaxDecodeBytesPerImage;  // 320 MiB
    // Called on a worker thread each time a result is posted, e.g. to wake the main loop
    // (SDL_PushEvent is safe from any thread). Must not throw, block or call back into the decoder.
    std::function<void()> onFinished;
};

// The whole pipeline, synchronously on the calling thread: read (size limit), verify the
// SHA-256 when given, check the header (dimensions, bit depth, channels, and for PNG that
// the data inflates to no more than the dimensions need) and the estimated peak memory
// before decoding, wait for that much room in the process-wide decode budget
// (kMaxDecodeBytesTotal, shared by every thread), decode to RGBA, scale down to fit
// (never up, aspect kept). Never throws; failures are in the result.
Decoded decodeImageFile(const DecodeRequest& request, const ImageDecoderOptions& options);

// Where the result of decoding a w x h image must fit maxW x maxH (<= 0: unlimited);
// never larger than the source, at least 1 x 1, aspect ratio kept.
void fitWithin(int w, int h, int maxW, int maxH, int& outW, int& outH);

// Bytes of the process-wide decode budget reserved now, and the most ever reserved at
// once (for tests and the memory benchmark).
std::uint64_t decodeBytesReserved();
std::uint64_t decodeBytesReservedPeak();

class ImageDecoder {
public:
    // Starts the worker threads. Throws std::system_error only if a thread cannot start.
    explicit ImageDecoder(ImageDecoderOptions options = {});
    // Drops queued requests, waits for the decodes in progress (stb cannot be
    // interrupted) and joins the workers. Their results are discarded.
    ~ImageDecoder();
    ImageDecoder(const ImageDecoder&) = delete;
    ImageDecoder& operator=(const ImageDecoder&) = delete;

    // Any thread; never blocks on decoding. Requests start in the order they were queued.
    void enqueue(DecodeRequest request);

    // Any thread. Drops the requests no worker has started and returns their tickets;
    // decodes already in progress still finish and are posted.
    std::vector<std::uint64_t> cancelPending();

    // Any thread (the main thread, once a frame): every result posted since the last call,
    // in the order they finished. The caller owns the pixels.
    std::vector<Decoded> takeFinished();

    // Snapshot counts, for status displays and tests.
    std::size_t queued() const;      // waiting, not started
    std::size_t inProgress() const;  // being decoded now

private:
    void workerLoop();

    ImageDecoderOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<DecodeRequest> queue_;
    std::vector<Decoded> finished_;
    std::size_t busy_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace kiosk::core
