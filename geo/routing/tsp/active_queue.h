#pragma once
// Don't-look bits as a FIFO of "active" cities (Bentley 1992, "Fast algorithms for geometric
// traveling salesman problems"): a city is looked at again only after an edge at it changed.
#include <deque>
#include <vector>

namespace geo::tsp {

class ActiveQueue {
public:
    explicit ActiveQueue(int n) : queued_(static_cast<std::size_t>(n), false) {}

    void push(int city) {
        if (queued_[static_cast<std::size_t>(city)]) return;
        queued_[static_cast<std::size_t>(city)] = true;
        fifo_.push_back(city);
    }
    bool empty() const { return fifo_.empty(); }
    int pop() {
        const int city = fifo_.front();
        fifo_.pop_front();
        queued_[static_cast<std::size_t>(city)] = false;
        return city;
    }

private:
    std::vector<bool> queued_;
    std::deque<int> fifo_;
};

}  // namespace geo::tsp
