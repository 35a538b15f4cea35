#include "synth/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <random>
#include <stdexcept>

namespace cable::tool::synth {
namespace {

// Deterministic generator for one (seed, index, stream): SplitMix64 seeding
// an mt19937_64, so cables are independent of each other and of order.
std::mt19937_64 rng_for(std::uint64_t seed, std::uint64_t index, std::uint64_t stream) {
  std::uint64_t z = seed * 0x9E3779B97F4A7C15ull + index * 0xBF58476D1CE4E5B9ull + stream;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return std::mt19937_64(z ^ (z >> 31));
}

std::size_t pick(std::mt19937_64& rng, std::size_t n) {
  return static_cast<std::size_t>(rng() % n);
}

template <typename T, typename Size>
std::vector<double> sizes_of(const std::vector<T>& pool, Size size) {
  std::vector<double> sizes;
  sizes.reserve(pool.size());
  for (const T& item : pool) sizes.push_back(static_cast<double>(size(item)));
  return sizes;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<IdParts> split_id(std::string_view id) {
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (id.size() < 4 || !digit(id[0]) || !digit(id[1])) return std::nullopt;
  std::size_t e = 2;
  while (e < id.size() && std::isupper(static_cast<unsigned char>(id[e]))) ++e;
  const std::string_view serial = id.substr(e);
  IdParts parts{std::string(id.substr(0, 2)), std::string(id.substr(2, e - 2)), 0};
  const auto [end, ec] =
      std::from_chars(serial.data(), serial.data() + serial.size(), parts.serial);
  if (e == 2 || serial.empty() || ec != std::errc() || end != serial.data() + serial.size())
    return std::nullopt;
  return parts;
}

Model::Pools Model::pools_of(const std::vector<Cable>& seeds) {
  Pools pools;
  std::map<std::string, std::size_t> origin_index;
  for (const Cable& c : seeds) {
    if (c.paragraphs.empty() || c.date.size() < 4) continue;
    const std::optional<IdParts> id = split_id(c.id);
    if (!id) continue;
    const std::string& code = id->origin;
    auto [it, fresh] = origin_index.try_emplace(code, pools.origins.size());
    if (fresh) {
      pools.origins.push_back(Origin{c.origin, code, c.from.empty() ? "AMEMBASSY " + code : c.from,
                                     c.signature.empty() ? "SMITH" : c.signature});
    }
    pools.shapes.push_back(Shape{c.paragraphs.size(), c.references.size(), c.tags, c.captions,
                                 c.classification.empty() ? "UNCLASSIFIED" : c.classification,
                                 std::stoi(c.date.substr(0, 4)), it->second});
    for (const Paragraph& p : c.paragraphs) {
      if (p.text.size() >= 40) pools.paragraphs.push_back(p);
    }
    if (!c.subject.empty()) pools.subjects.push_back(c.subject);
  }
  if (pools.shapes.empty() || pools.paragraphs.empty() || pools.subjects.empty()) {
    throw std::runtime_error("the seed cables have no numbered text to recombine");
  }
  return pools;
}

Model::Model(const std::vector<Cable>& seeds, const Sizes& sizes)
    : pools_(pools_of(seeds)),
      shape_draw_(sizes_of(pools_.shapes, [](const Shape& s) { return s.paragraphs; }),
                  sizes.paragraphs),
      paragraph_draw_(sizes_of(pools_.paragraphs, [](const Paragraph& p) { return p.text.size(); }),
                      sizes.paragraph_bytes) {}

const Model::Shape& Model::draw_shape(std::mt19937_64& rng) const {
  return pools_.shapes[shape_draw_.draw(rng)];
}

std::string Model::id_of(std::uint64_t seed, std::uint64_t index) const {
  auto rng = rng_for(seed, index, 1);
  const Shape& shape = draw_shape(rng);
  const Origin& origin = pools_.origins[pick(rng, pools_.origins.size())];
  return fmt::format("{:02}{}{}", shape.year % 100, origin.code, index + 1);
}

Synthetic Model::make(std::uint64_t seed, std::uint64_t index) const {
  auto rng = rng_for(seed, index, 1);
  // The same first draws as id_of().
  const Shape& shape = draw_shape(rng);
  const Origin& origin = pools_.origins[pick(rng, pools_.origins.size())];
  Synthetic s;
  s.id = id_of(seed, index);
  s.origin_code = origin.code;
  s.origin = origin.name;
  s.from = origin.from;
  s.signature = origin.signature;
  s.classification = shape.classification;
  s.captions = shape.captions;
  s.year = shape.year;
  s.month = 1 + static_cast<int>(pick(rng, 12));
  s.day = 1 + static_cast<int>(pick(rng, static_cast<std::size_t>(days_in(s.year, s.month))));
  s.hour = static_cast<int>(pick(rng, 24));
  s.minute = static_cast<int>(pick(rng, 60));
  // Tags from another cable's list, so that lists stay coherent.
  s.tags = pools_.shapes[pick(rng, pools_.shapes.size())].tags;
  s.subject = pools_.subjects[pick(rng, pools_.subjects.size())];
  for (std::size_t k = 0; k < shape.paragraphs; ++k) {
    Paragraph p = pools_.paragraphs[paragraph_draw_.draw(rng)];
    p.number = std::to_string(k + 1);
    p.items.clear();
    s.paragraphs.push_back(std::move(p));
  }
  for (std::size_t r = 0; r < shape.references && index > 0; ++r) {
    s.references.push_back(id_of(seed, pick(rng, static_cast<std::size_t>(index))));
  }
  return s;
}

}  // namespace cable::tool::synth
