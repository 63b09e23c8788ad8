// ThreadBudget: how many more threads may start working, shared by every
// document of a batch and the pages of each document.
//
// A batch of N threads gives its workers N tokens in all: each worker holds
// one while it runs, and a document's page reader takes spare ones to read
// pages on extra threads (and gives each back when that thread ends). So the
// pages of the last long document of a batch use the cores that the finished
// workers left, and no more than N threads ever work at once.
// Invariant: 0 <= spare() <= the count given at construction plus releases
// of tokens taken before. Thread-safe.
#pragma once

#include <atomic>

namespace jixiao {

class ThreadBudget {
 public:
  explicit ThreadBudget(int spare) : spare_(spare < 0 ? 0 : spare) {}
  ThreadBudget(const ThreadBudget&) = delete;
  ThreadBudget& operator=(const ThreadBudget&) = delete;

  // Takes one token when one is spare.
  bool TryAcquire() {
    int now = spare_.load();
    while (now > 0)
      if (spare_.compare_exchange_weak(now, now - 1)) return true;
    return false;
  }

  // Gives back a token taken with TryAcquire, or one a worker held from the start.
  void Release() { spare_.fetch_add(1); }

  int spare() const { return spare_.load(); }

 private:
  std::atomic<int> spare_;
};

}  // namespace jixiao
