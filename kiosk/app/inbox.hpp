// The main thread's one inbox: worker threads (content loading, sync, image decoders,
// speech, later statistics and supervision) post small tasks here instead of touching
// the UI; the loop runs them between frames. Posting wakes a sleeping loop.
#pragma once

#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace kiosk::app {

class Inbox {
public:
    using Task = std::function<void()>;

    // `wake` is called (on the posting thread, outside the lock) after each post; the app
    // pushes an SDL user event there so SDL_WaitEventTimeout returns.
    explicit Inbox(std::function<void()> wake = {}) : wake_(std::move(wake)) {}

    // Any thread. The task runs later on the main thread, in posting order.
    void post(Task task) {
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        if (wake_) wake_();
    }

    // Main thread: runs every task posted so far; tasks posted meanwhile wait for the next
    // call. Returns how many ran.
    std::size_t drain() {
        std::vector<Task> tasks;
        {
            std::lock_guard lock(mutex_);
            tasks.swap(tasks_);
        }
        for (auto& t : tasks) t();
        return tasks.size();
    }

    bool empty() const {
        std::lock_guard lock(mutex_);
        return tasks_.empty();
    }

private:
    mutable std::mutex mutex_;
    std::vector<Task> tasks_;
    std::function<void()> wake_;
};

}  // namespace kiosk::app
