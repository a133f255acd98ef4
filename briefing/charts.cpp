#include "briefing/charts.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::briefing {
namespace {

constexpr const char* font = "DejaVu Sans";
// Bars beyond this are summed into "Khác": a chart past a dozen bars is
// unreadable on a printed page.
constexpr std::size_t max_bars = 12;

struct SurfaceFree { void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); } };
struct ContextFree { void operator()(cairo_t* c) const { cairo_destroy(c); } };
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using Context = std::unique_ptr<cairo_t, ContextFree>;

const double palette[][3] = {{0.12, 0.39, 0.67}, {0.85, 0.37, 0.01}, {0.17, 0.63, 0.17}, {0.84, 0.15, 0.16},
                             {0.58, 0.40, 0.74}, {0.55, 0.34, 0.29}, {0.89, 0.47, 0.76}, {0.50, 0.50, 0.50},
                             {0.74, 0.74, 0.13}, {0.09, 0.75, 0.81}};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void text_at(cairo_t* cr, const std::string& s, double x, double y, double size, bool bold = false,
             double align = 0) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    cairo_move_to(cr, x - align * e.x_advance, y);
    cairo_show_text(cr, s.c_str());
}

std::string short_label(const std::string& s, std::size_t max_chars) {
    // Count code points, not bytes: labels are Vietnamese.
    std::size_t n = 0, i = 0;
    for (; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++n > max_chars) break;
    return i < s.size() ? s.substr(0, i) + "…" : s;
}

std::string number(double v) { return v == std::floor(v) ? fmt::format("{}", static_cast<long long>(v)) : fmt::format("{:.1f}", v); }

void draw_columns(cairo_t* cr, const Chart& c) {
    double left = 40, right = 10, top = 40, bottom = 40;
    double w = c.width - left - right, h = c.height - top - bottom;
    double max = 1;
    for (const auto& d : c.data) max = std::max(max, d.second);
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, left, top + h);
    cairo_line_to(cr, left + w, top + h);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    text_at(cr, number(max), left - 4, top + 4, 10, false, 1);
    text_at(cr, "0", left - 4, top + h + 4, 10, false, 1);
    double step = c.data.empty() ? w : w / static_cast<double>(c.data.size());
    for (std::size_t i = 0; i < c.data.size(); ++i) {
        double bh = h * c.data[i].second / max;
        cairo_set_source_rgb(cr, palette[0][0], palette[0][1], palette[0][2]);
        cairo_rectangle(cr, left + i * step + step * 0.15, top + h - bh, step * 0.7, bh);
        cairo_fill(cr);
        // Every label fits only for short series: show every few days.
        std::size_t every = c.data.size() > 16 ? 3 : 1;
        if (i % every == 0) {
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            text_at(cr, c.data[i].first, left + i * step + step / 2, top + h + 16, 9, false, 0.5);
        }
    }
}

void draw_bars(cairo_t* cr, const Chart& c) {
    double label_w = 230, left = 10, right = 50, top = 40, bottom = 10;
    double w = c.width - left - label_w - right, h = c.height - top - bottom;
    double max = 1;
    for (const auto& d : c.data) max = std::max(max, d.second);
    double step = c.data.empty() ? h : h / static_cast<double>(c.data.size());
    for (std::size_t i = 0; i < c.data.size(); ++i) {
        double y = top + i * step;
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        text_at(cr, short_label(c.data[i].first, 32), left + label_w - 6, y + step * 0.65, 11, false, 1);
        double bw = w * c.data[i].second / max;
        const auto& col = palette[i % std::size(palette)];
        cairo_set_source_rgb(cr, col[0], col[1], col[2]);
        cairo_rectangle(cr, left + label_w, y + step * 0.15, bw, step * 0.7);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        text_at(cr, number(c.data[i].second), left + label_w + bw + 4, y + step * 0.65, 11);
    }
}

void draw_pie(cairo_t* cr, const Chart& c) {
    double total = 0;
    for (const auto& d : c.data) total += d.second;
    double cx = c.height / 2.0 + 20, cy = c.height / 2.0 + 15, radius = c.height / 2.0 - 40;
    double angle = -M_PI / 2;
    // Tones: positive green, neutral grey, negative red, in that order.
    const double tone_colors[][3] = {{0.17, 0.63, 0.17}, {0.6, 0.6, 0.6}, {0.84, 0.15, 0.16}};
    for (std::size_t i = 0; i < c.data.size(); ++i) {
        const auto& col = i < 3 ? tone_colors[i] : palette[i % std::size(palette)];
        double share = total > 0 ? c.data[i].second / total : 0;
        if (share > 0) {
            cairo_set_source_rgb(cr, col[0], col[1], col[2]);
            cairo_move_to(cr, cx, cy);
            cairo_arc(cr, cx, cy, radius, angle, angle + share * 2 * M_PI);
            cairo_close_path(cr);
            cairo_fill(cr);
            angle += share * 2 * M_PI;
        }
        double ly = 70 + i * 26.0;
        cairo_set_source_rgb(cr, col[0], col[1], col[2]);
        cairo_rectangle(cr, cx + radius + 40, ly - 12, 14, 14);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        text_at(cr, fmt::format("{}: {} ({:.0f}%)", c.data[i].first, number(c.data[i].second), share * 100),
                cx + radius + 62, ly, 12);
    }
    if (total == 0) text_at(cr, "Không có tin", cx, cy, 12, false, 0.5);
}

void draw(cairo_t* cr, const Chart& c) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, c.title, 10, 22, 14, true);
    switch (c.kind) {
        case Chart::Kind::columns: draw_columns(cr, c); break;
        case Chart::Kind::bars: draw_bars(cr, c); break;
        case Chart::Kind::pie: draw_pie(cr, c); break;
    }
}

void check(cairo_surface_t* s, const char* what) {
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw RuntimeFailure(fmt::format("cannot draw the {} chart: {}", what,
                                         cairo_status_to_string(cairo_surface_status(s))));
}

std::vector<std::pair<std::string, double>> top_bars(const std::vector<Count>& rows) {
    std::vector<std::pair<std::string, double>> out;
    double rest = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i + 1 < max_bars || rows.size() == max_bars) out.emplace_back(rows[i].label, rows[i].count);
        else rest += static_cast<double>(rows[i].count);
    }
    if (rest > 0) out.emplace_back("Khác", rest);
    return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
}

}  // namespace

std::vector<Chart> report_charts(const MonthReport& r) {
    std::vector<Chart> out;
    Chart day{"per-day", "Số tin theo ngày", Chart::Kind::columns, {}, 720, 260};
    for (const auto& c : r.per_day) day.data.emplace_back(c.label.substr(0, 2), c.count);
    out.push_back(day);
    Chart outlets{"outlets", "Số tin theo cơ quan báo chí", Chart::Kind::bars, top_bars(r.by_outlet), 720, 0};
    outlets.height = 50 + 26 * static_cast<int>(std::max<std::size_t>(outlets.data.size(), 1));
    out.push_back(outlets);
    Chart topics{"topics", "Số tin theo lĩnh vực", Chart::Kind::bars, top_bars(r.by_topic), 720, 0};
    topics.height = 50 + 26 * static_cast<int>(std::max<std::size_t>(topics.data.size(), 1));
    out.push_back(topics);
    Chart tones{"tones", "Tỷ lệ sắc thái thông tin", Chart::Kind::pie, {}, 720, 260};
    for (const auto& c : r.by_tone) tones.data.emplace_back(c.label, c.count);
    out.push_back(tones);
    return out;
}

std::string chart_svg(const Chart& c) {
    std::string svg;
    {
        Surface s(cairo_svg_surface_create_for_stream(append, &svg, c.width, c.height));
        check(s.get(), c.id.c_str());
        Context cr(cairo_create(s.get()));
        draw(cr.get(), c);
        cr.reset();
        cairo_surface_finish(s.get());
        check(s.get(), c.id.c_str());
    }
    if (auto p = svg.find("<svg"); p != std::string::npos) svg.erase(0, p);
    // cairo numbers glyphs and clips from 1 in every file: prefix them so
    // that several charts can live in one page.
    replace_all(svg, "id=\"", "id=\"" + c.id + "-");
    replace_all(svg, "href=\"#", "href=\"#" + c.id + "-");
    replace_all(svg, "url(#", "url(#" + c.id + "-");
    return svg;
}

std::string chart_png(const Chart& c) {
    constexpr double scale = 2;
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(c.width * scale),
                                         static_cast<int>(c.height * scale)));
    check(s.get(), c.id.c_str());
    {
        Context cr(cairo_create(s.get()));
        cairo_scale(cr.get(), scale, scale);
        draw(cr.get(), c);
    }
    std::string png;
    if (cairo_surface_write_to_png_stream(s.get(), append, &png) != CAIRO_STATUS_SUCCESS)
        throw RuntimeFailure("cannot encode the " + c.id + " chart as PNG");
    return png;
}

}  // namespace presswatch::briefing
