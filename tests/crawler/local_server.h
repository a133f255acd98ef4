#pragma once
// A real HTTP server on 127.0.0.1 (cpp-httplib) for the crawler's tests,
// recording every request it saw with its arrival time, so that tests can
// check what the crawler sent and how it spaced its requests.
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

namespace presswatch::testing {

class LocalServer {
public:
    struct Seen {
        std::string host;   // Host header
        std::string path;   // with query
        std::chrono::steady_clock::time_point at;
        httplib::Headers headers;
    };

    LocalServer() {
        server_.set_logger([this](const httplib::Request& req, const httplib::Response&) { (void)req; });
        server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
            std::lock_guard<std::mutex> lock(mu_);
            std::string path = req.path;
            if (!req.params.empty()) {
                std::string q;
                for (const auto& [k, v] : req.params) q += (q.empty() ? "?" : "&") + k + "=" + v;
                path += q;
            }
            seen_.push_back({req.get_header_value("Host"), path, std::chrono::steady_clock::now(), req.headers});
            return httplib::Server::HandlerResponse::Unhandled;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~LocalServer() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    httplib::Server& http() { return server_; }
    int port() const { return port_; }
    // "http://<host>:PORT", host defaulting to 127.0.0.1; *.localhost
    // resolves to 127.0.0.1 in curl, so one server plays many hosts.
    std::string url(const std::string& path, const std::string& host = "127.0.0.1") const {
        return "http://" + host + ":" + std::to_string(port_) + path;
    }
    std::vector<Seen> seen() const {
        std::lock_guard<std::mutex> lock(mu_);
        return seen_;
    }
    std::vector<Seen> seen(const std::string& path) const {
        std::vector<Seen> out;
        for (auto& s : seen())
            if (s.path == path) out.push_back(s);
        return out;
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mu_;
    std::vector<Seen> seen_;
};

}  // namespace presswatch::testing
