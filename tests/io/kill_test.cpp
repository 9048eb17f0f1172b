// Durability, tried (issue 15): a save, an import and a visit commit run in a child process
// (kill_child.cpp) that is killed with SIGKILL at random moments, against both stores
// (tests/common/workspace_stores.h). After each kill the workspace must open and hold the old
// or the new state, never a mix (a GeoPackage must also pass SQLite's integrity check; a
// database is checked once the server has rolled back the dead client's transaction); a save
// killed before it finished must leave a journal that brings back every edit journalled before
// the kill. The workspace is an excerpt of the sample (test::sample_excerpt), so that the 400
// or so children started per store each read a small workspace, not the whole sample.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <doctest/doctest.h>

#include "geo/edit/autosave.h"
#include "geo/edit/edit_history.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "tests/common/workspace_builders.h"
#include "tests/common/workspace_stores.h"

namespace fs = std::filesystem;
using namespace geo;

namespace {

// Children killed mid-write per kind of write on a file (3 kinds: 210 in all, the issue asks for
// 200), and the most children started to get there. A database's rollback of a dead client is
// the server's; 10 per kind try it there (a PostGIS child takes seconds to start and write on
// the 2-core build machine) without making these the suite's longest tests.
constexpr int kKillsPerModeFile = 70;
constexpr int kKillsPerModeDatabase = 10;
constexpr int kMostAttempts = 200;
constexpr int kEdits = 12;       // poster edits journalled before the save
constexpr int kVisits = 40;      // visits committed at once
constexpr int kIncidents = 300;  // incidents imported at once

// A child running kill_child, its stdout read line by line.
class Child {
public:
    Child(const std::string& mode, const fs::path& ws, const std::string& arg) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            const std::string exe = (fs::path(PATROLMAP_BIN_DIR).parent_path() / "tests" / "kill_child").string();
            ::execl(exe.c_str(), exe.c_str(), mode.c_str(), ws.c_str(), arg.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        out_ = ::fdopen(fds[0], "r");
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (out_) std::fclose(out_);
    }
    // The next line, without its newline; "" at end of output.
    std::string line() {
        char buffer[256];
        if (!std::fgets(buffer, sizeof buffer, out_)) return "";
        std::string s(buffer);
        if (!s.empty() && s.back() == '\n') s.pop_back();
        lines_.push_back(s);
        return s;
    }
    // SIGKILL (a no-op when it has already exited), then reads what it printed before.
    // True when the kill stopped it, false when it had finished on its own.
    bool kill_and_reap() {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        reaped_ = true;
        while (!line().empty()) {}
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    int wait_exit() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        reaped_ = true;
        while (!line().empty()) {}
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    // The highest K of the "synced K" lines printed.
    int synced() const {
        int k = 0;
        for (const auto& s : lines_)
            if (s.rfind("synced ", 0) == 0) k = std::max(k, std::stoi(s.substr(7)));
        return k;
    }
    bool printed(const std::string& s) const { return std::find(lines_.begin(), lines_.end(), s) != lines_.end(); }

private:
    pid_t pid_ = -1;
    FILE* out_ = nullptr;
    bool reaped_ = false;
    std::vector<std::string> lines_;
};

std::string integrity_check(const fs::path& ws) {
    GdalDatasetPtr ds = open_vector(ws.string(), false);
    if (!ds) return "GDAL cannot open it: " + last_gdal_error();
    OGRLayer* result = ds->ExecuteSQL("PRAGMA integrity_check", nullptr, nullptr);
    if (!result) return "no answer to PRAGMA integrity_check";
    std::string answer;
    for (auto& f : *result) answer += f->GetFieldAsString(0);
    ds->ReleaseResultSet(result);
    return answer;
}

template <class T> std::set<std::string> ids(const std::vector<T>& items) {
    std::set<std::string> out;
    for (const auto& item : items) out.insert(item.id);
    return out;
}

std::multiset<std::string> visit_keys(const District& d) {
    std::multiset<std::string> out;
    for (const auto& v : d.visits) out.insert(v.building_id + "@" + v.date + "/" + v.source);
    return out;
}

// What the workspace holds that these writes change, to compare states whole.
struct State {
    std::set<std::string> posters, incidents;
    std::multiset<std::string> visits;
    friend bool operator==(const State&, const State&) = default;
};
State state_of(const District& d) { return {ids(d.posters), ids(d.incidents), visit_keys(d)}; }

// One kill test case's fixture: an excerpt of the sample as the old state, in the store, and the
// new state each write leads to, found by running it once to the end.
struct Fixture {
    const test::Store& store;
    test::ScratchDir dir;
    std::string original = store.fresh();
    fs::path csv = dir / "incidents.csv";
    std::string ws;  // the copy of `original` the current child writes
    State old_state;

    explicit Fixture(const test::Store& s) : store(s) {
        const District d = test::sample_excerpt(300, 400);
        write_district(original, d);
        old_state = state_of(read_district(original));
        // New incidents where the excerpt's first ones are, in the workspace CRS.
        std::ostringstream text;
        text << "id,x,y,time,fraud_type,loss_yuan\n";
        text.precision(12);
        for (int k = 0; k < kIncidents; ++k) {
            const XY at = d.incidents[static_cast<std::size_t>(k) % d.incidents.size()].location;
            text << "KILL-I" << k << "," << at.x << "," << at.y << ",2021-06-1" << k % 7 + 1 << "T10:00:00,investment,100\n";
        }
        test::write_text(csv, text.str());
    }
    ~Fixture() { drop(); }
    // A fresh copy of the old state (a killed write may leave a journal or SQLite's behind).
    void reset() {
        drop();
        ws = store.copy_of(original);
    }
    void drop() {
        if (ws.empty()) return;
        remove_journal(ws);
        store.remove(ws);
        ws.clear();
    }
    std::string arg(const std::string& mode) const {
        return mode == "save" ? std::to_string(kEdits) : mode == "import" ? csv.string() : std::to_string(kVisits);
    }
};

void kill_many_times(const test::Store& store, const std::string& mode) {
    Fixture fx(store);
    const int kills_wanted = store.is_file() ? kKillsPerModeFile : kKillsPerModeDatabase;
    // The new state, and how long the write takes from "ready" to the end (the median of three
    // runs: one alone is noisy on a busy machine).
    std::vector<long> write_us;
    long startup_ms = 0;
    for (int run = 0; run < 3; ++run) {
        fx.reset();
        const auto started = std::chrono::steady_clock::now();
        Child whole(mode, fx.ws, fx.arg(mode));
        REQUIRE(whole.line() == "ready");
        const auto ready = std::chrono::steady_clock::now();
        REQUIRE(whole.wait_exit() == 0);
        store.settle(fx.ws);
        write_us.push_back(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - ready).count());
        startup_ms = std::chrono::duration_cast<std::chrono::milliseconds>(ready - started).count();
    }
    std::sort(write_us.begin(), write_us.end());
    const long median_us = write_us[1];
    const State new_state = state_of(read_district(fx.ws));
    REQUIRE(new_state != fx.old_state);
    MESSAGE(store.name << " " << mode << ": the write takes " << median_us / 1000.0 << " ms after the child is ready (" << startup_ms
                 << " ms start-up)");

    std::mt19937_64 random(20211);
    // Kill moments spread over the whole write and a little past it.
    std::uniform_int_distribution<long> delay_us(0, median_us + median_us / 10);
    int killed = 0, attempts = 0, old_seen = 0, new_seen = 0, recovered = 0;
    for (int attempt = 0; killed < kills_wanted && attempt < kMostAttempts; ++attempt, ++attempts) {
        fx.reset();
        Child child(mode, fx.ws, fx.arg(mode));
        REQUIRE(child.line() == "ready");
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        if (child.kill_and_reap()) ++killed;

        INFO(mode << " kill " << attempt << ": " << child.synced() << " edits journalled"
                  << (child.printed("done") ? ", finished" : ""));
        // A database server rolls back the dead client's transaction once it notices the closed
        // connection; opening a file as PatrolMap does rolls back what the killed write left
        // half done (SQLite's hot journal), and then the file must be whole.
        store.settle(fx.ws);
        REQUIRE_NOTHROW(read_metadata(fx.ws));
        if (store.is_file()) REQUIRE(integrity_check(fx.ws) == "ok");
        District after = read_district(fx.ws);
        const State now = state_of(after);
        const bool is_old = now == fx.old_state, is_new = now == new_state;
        REQUIRE_MESSAGE((is_old || is_new), "a mix of old and new: " << now.posters.size() << " posters, "
                                                                     << now.incidents.size() << " incidents, "
                                                                     << now.visits.size() << " visits");
        if (child.printed("done")) CHECK(is_new);
        is_old ? ++old_seen : ++new_seen;

        if (mode == "save") {
            const auto journal = find_journal(fx.ws);
            if (is_new) {
                // Saved: the journal is gone, or left stale, and must not replay.
                CHECK((!journal || journal->stale));
            } else if (child.synced() > 0) {
                // Not saved: every edit journalled before the kill comes back.
                REQUIRE(journal);
                CHECK_FALSE(journal->stale);
                CHECK(journal->edits.size() >= static_cast<std::size_t>(child.synced()));
                EditHistory history;
                replay(after, *journal, history);
                CHECK(after.posters.size() == fx.old_state.posters.size() + journal->edits.size());
                ++recovered;
            }
        }
    }
    MESSAGE(store.name << " " << mode << ": " << killed << " of " << attempts << " children killed mid-way; old state "
                 << old_seen << ", new state " << new_seen << (mode == "save" ? ", journals replayed " + std::to_string(recovered) : ""));
    // The spread of moments must actually catch writes in flight, on both sides of the commit.
    // Half the kills wanted is enough to say so: on a loaded machine the write's time varies
    // several-fold from the three timed runs, and more children finish before their kill
    // (a CI run under load killed 65 of the 70 wanted in the 200 children allowed).
    CHECK(killed * 2 >= kills_wanted);
    CHECK(old_seen > 0);
    // With PostGIS's 10 kills all may land before the commit (seen on a loaded CI run).
    if (store.is_file()) CHECK(new_seen > 0);
}

}  // namespace

TEST_CASE("kill -9 during a poster save: old or new workspace, edits back from the journal") {
    test::for_each_store([](const test::Store& store) { kill_many_times(store, "save"); });
}
TEST_CASE("kill -9 during an import: old or new workspace, never a mix") {
    test::for_each_store([](const test::Store& store) { kill_many_times(store, "import"); });
}
TEST_CASE("kill -9 during a visit commit: old or new workspace, never a mix") {
    test::for_each_store([](const test::Store& store) { kill_many_times(store, "visits"); });
}
