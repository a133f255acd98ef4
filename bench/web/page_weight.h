#pragma once
// What a browser transfers to show one page: the HTML and everything it
// loads (style sheets, scripts, images, icons, and the fonts and images
// the style sheets name), each asked for with Accept-Encoding: gzip and
// counted as sent (headers + body, compressed when the server compresses).
// Also which scripts could hold up the first render: an external script
// without defer or async, read from the served HTML.
#include <cstddef>
#include <string>
#include <vector>

namespace presswatch::bench {

struct Resource {
    std::string path, kind;       // kind: html, stylesheet, script, image, icon, font, css-url
    int status = 0;
    std::string encoding;         // Content-Encoding, "" when sent as is
    std::size_t transferred = 0;  // status line + headers + body as sent
    std::size_t decoded = 0;      // body after decompression
};

struct PageWeight {
    std::vector<Resource> resources;
    std::size_t transferred = 0, decoded = 0;
    std::size_t results = 0;                    // <li class="hit"> on the page
    std::vector<std::string> scripts;           // every <script>, described
    std::vector<std::string> blocking_scripts;  // external, no defer/async, in <head> or before content
    std::vector<std::string> off_site;          // resources from another host (none allowed)
};

PageWeight measure_page(const std::string& host, int port, const std::string& path);

}  // namespace presswatch::bench
