// patrolmap settings WS [--platform-url URL] [--app-url URL]: the workspace's settings a user
// sets by hand, today the URLs the QR codes on contact cards and posters open (the 金钟罩
// anti-fraud platform, the national anti-fraud centre app). Without flags it prints them; with
// them it writes them in one commit (the change counter goes up, patrolmap_changes logs it).
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace;
    std::optional<std::string> platform_url, app_url;
};

// A QR code on a poster must open a web page: http:// or https:// and something after it.
void check_url(const std::optional<std::string>& url, const char* flag) {
    if (!url || url->empty()) return;  // empty: print no code
    for (const char* scheme : {"http://", "https://"}) {
        const std::string s(scheme);
        if (url->size() > s.size() && url->compare(0, s.size(), s) == 0) {
            if (url->find_first_of(" \t\r\n") != std::string::npos) break;
            return;
        }
    }
    throw geo::BadInput(std::string(flag) + " '" + *url + "' is not a web address: it must start with http:// or https:// (no spaces); an empty value removes the QR code");
}

void print(const geo::Metadata& m) {
    std::cout << "qr_platform_url  " << (m.platform_url.empty() ? "(none: no QR code)" : m.platform_url) << "  金钟罩反诈平台\n";
    std::cout << "qr_app_url       " << (m.app_url.empty() ? "(none: no QR code)" : m.app_url) << "  国家反诈中心APP\n";
}

int run(const Args& a) {
    check_url(a.platform_url, "--platform-url");
    check_url(a.app_url, "--app-url");
    if (!a.platform_url && !a.app_url) {
        print(geo::read_metadata(a.workspace));
        return 0;
    }
    const geo::Metadata m = geo::commit_settings(a.workspace, {a.platform_url, a.app_url});
    print(m);
    note() << "saved as change " << m.change << '\n';
    return 0;
}

}  // namespace

void add_settings_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("settings", "Show or set the workspace's settings (the QR codes' URLs)");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--platform-url", a->platform_url, "URL of the 金钟罩 anti-fraud platform (http:// or https://; '' for none)");
    cmd->add_option("--app-url", a->app_url, "URL of the 国家反诈中心 app download page (http:// or https://; '' for none)");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
