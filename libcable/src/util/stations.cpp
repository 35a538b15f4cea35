#include "util/stations.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace cable::internal {
namespace {

// The spelling of every post and office of the release, sorted: the origins of the cablegate pages,
// with the older posts and the offices that REF lines cite.
constexpr std::array<std::string_view, 293> kStations = {
    "ABIDJAN",       "ABUDHABI",      "ABUJA",         "ACCRA",        "ADANA",
    "ADDISABABA",    "AITTAIPEI",     "ALEXANDRIA",    "ALGIERS",      "ALMATY",
    "AMMAN",         "AMSTERDAM",     "ANKARA",        "ANTANANARIVO", "APIA",
    "ASHGABAT",      "ASMARA",        "ASTANA",        "ASUNCION",     "ATHENS",
    "AUCKLAND",      "BAGHDAD",       "BAKU",          "BAMAKO",       "BANDARSERIBEGAWAN",
    "BANGKOK",       "BANGUI",        "BANJUL",        "BARCELONA",    "BASRAH",
    "BEIJING",       "BEIRUT",        "BELFAST",       "BELGRADE",     "BELIZE",
    "BELMOPAN",      "BERLIN",        "BERN",          "BISHKEK",      "BOGOTA",
    "BOMBAY",        "BONN",          "BRASILIA",      "BRATISLAVA",   "BRAZZAVILLE",
    "BRIDGETOWN",    "BRUSSELS",      "BUCHAREST",     "BUDAPEST",     "BUENOSAIRES",
    "BUJUMBURA",     "BUSAN",         "CAIRO",         "CALCUTTA",     "CALGARY",
    "CANBERRA",      "CAPETOWN",      "CARACAS",       "CASABLANCA",   "CDCATLANTAGA",
    "CDGENEVA",      "CHENGDU",       "CHENNAI",       "CHIANGMAI",    "CHISINAU",
    "CIUDADJUAREZ",  "COLOMBO",       "CONAKRY",       "COPENHAGEN",   "COTONOU",
    "CURACAO",       "CURITIBA",      "DAKAR",         "DAMASCUS",     "DARESSALAAM",
    "DHAHRAN",       "DHAKA",         "DILI",          "DJIBOUTI",     "DOHA",
    "DUBAI",         "DUBLIN",        "DURBAN",        "DUSHANBE",     "DUSSELDORF",
    "ERBIL",         "FESTTWO",       "FLORENCE",      "FRANKFURT",    "FREETOWN",
    "FSCCHARLESTON", "FSINFATC",      "FUKUOKA",       "GABORONE",     "GENEVA",
    "GEORGETOWN",    "GRENADA",       "GUADALAJARA",   "GUANGZHOU",    "GUATEMALA",
    "GUAYAQUIL",     "HALIFAX",       "HAMBURG",       "HAMILTON",     "HANOI",
    "HARARE",        "HAVANA",        "HELSINKI",      "HERAT",        "HERMOSILLO",
    "HILLAH",        "HOCHIMINHCITY", "HONGKONG",      "HYDERABAD",    "IRANRPODUBAI",
    "ISLAMABAD",     "ISTANBUL",      "IZMIR",         "JAKARTA",      "JEDDAH",
    "JERUSALEM",     "JOHANNESBURG",  "KABUL",         "KADUNA",       "KAMPALA",
    "KARACHI",       "KATHMANDU",     "KHARTOUM",      "KIEV",         "KIGALI",
    "KINGSTON",      "KINSHASA",      "KIRKUK",        "KOLKATA",      "KOLONIA",
    "KOROR",         "KRAKOW",        "KUALALUMPUR",   "KUWAIT",       "KYIV",
    "LAGOS",         "LAHORE",        "LAPAZ",         "LEIPZIG",      "LENINGRAD",
    "LIBREVILLE",    "LILONGWE",      "LIMA",          "LISBON",       "LJUBLJANA",
    "LOME",          "LONDON",        "LUANDA",        "LUSAKA",       "LUXEMBOURG",
    "LYON",          "MADRAS",        "MADRID",        "MAJURO",       "MALABO",
    "MANAGUA",       "MANAMA",        "MANILA",        "MAPUTO",       "MARSEILLE",
    "MARTINIQUE",    "MASERU",        "MATAMOROS",     "MBABANE",      "MELBOURNE",
    "MERIDA",        "MEXICO",        "MILAN",         "MINSK",        "MOGADISHU",
    "MONROVIA",      "MONTERREY",     "MONTEVIDEO",    "MONTREAL",     "MOSCOW",
    "MOSUL",         "MUMBAI",        "MUNICH",        "MUSCAT",       "NAGOYA",
    "NAHA",          "NAIROBI",       "NAPLES",        "NASSAU",       "NDJAMENA",
    "NEWDELHI",      "NIAMEY",        "NICOSIA",       "NOGALES",      "NOUAKCHOTT",
    "NUEVOLAREDO",   "OSAKAKOBE",     "OSLO",          "OTTAWA",       "OUAGADOUGOU",
    "PANAMA",        "PARAMARIBO",    "PARIS",         "PARTO",        "PERTH",
    "PESHAWAR",      "PHNOMPENH",     "PODGORICA",     "PONTADELGADA", "PORTAUPRINCE",
    "PORTLOUIS",     "PORTMORESBY",   "PORTOALEGRE",   "PORTOFSPAIN",  "PRAGUE",
    "PRAIA",         "PRETORIA",      "PRISTINA",      "QUEBEC",       "QUITO",
    "RABAT",         "RANGOON",       "RECIFE",        "REYKJAVIK",    "RIGA",
    "RIODEJANEIRO",  "RIYADH",        "ROME",          "RPODUBAI",     "SANAA",
    "SANJOSE",       "SANSALVADOR",   "SANTIAGO",      "SANTODOMINGO", "SAOPAULO",
    "SAPPORO",       "SARAJEVO",      "SECDEF",        "SEOUL",        "SHANGHAI",
    "SHENYANG",      "SINGAPORE",     "SKOPJE",        "SOFIA",        "STATE",
    "STOCKHOLM",     "STPETERSBURG",  "STRASBOURG",    "SURABAYA",     "SUVA",
    "SYDNEY",        "TAIPEI",        "TALLINN",       "TASHKENT",     "TBILISI",
    "TEGUCIGALPA",   "TEHRAN",        "TELAVIV",       "THEHAGUE",     "THESSALONIKI",
    "TIJUANA",       "TIRANA",        "TOKYO",         "TORONTO",      "TRIPOLI",
    "TUNIS",         "ULAANBAATAR",   "UNESCOPARISFR", "UNROME",       "UNVIEVIENNA",
    "USBERLIN",      "USDAFAS",       "USDOC",         "USEUBRUSSELS", "USNATO",
    "USOSCE",        "USTRGENEVA",    "USUNNEWYORK",   "VALLETTA",     "VANCOUVER",
    "VATICAN",       "VIENNA",        "VIENTIANE",     "VILNIUS",      "VLADIVOSTOK",
    "WARSAW",        "WELLINGTON",    "WINDHOEK",      "WUHAN",        "YAOUNDE",
    "YEKATERINBURG", "YEREVAN",       "ZAGREB"};

static_assert(std::is_sorted(kStations.begin(), kStations.end()));

// Other names of a station: the forms of REF lines and of damaged IDs that
// are no misspelling (a misspelling is found by distance).
constexpr std::array<std::pair<std::string_view, std::string_view>, 81> kAliases = {
    {{"ADDIS", "ADDISABABA"},
     {"AMEMBASSYHANOI", "HANOI"},
     {"ANTAN", "ANTANANARIVO"},
     {"ANTANANARI", "ANTANANARIVO"},
     {"ASUN", "ASUNCION"},
     {"ATLANTA", "CDCATLANTAGA"},
     {"ATLANTAGA", "CDCATLANTAGA"},
     {"BA", "BUENOSAIRES"},
     {"BANDAR", "BANDARSERIBEGAWAN"},
     {"BANDARSERI", "BANDARSERIBEGAWAN"},
     {"BASRA", "BASRAH"},
     {"BKK", "BANGKOK"},
     {"BRAZIL", "BRASILIA"},
     {"BRAZILIA", "BRASILIA"},
     {"BRUSSELSBE", "BRUSSELS"},
     {"BSB", "BANDARSERIBEGAWAN"},
     {"CASA", "CASABLANCA"},
     {"CDCATLANTA", "CDCATLANTAGA"},
     {"CHARLESTON", "FSCCHARLESTON"},
     {"DACCA", "DHAKA"},
     {"DELHI", "NEWDELHI"},
     {"DEPTOFCOMMERCE", "USDOC"},
     {"DIRFSINFATC", "FSINFATC"},
     {"DUBAIRPO", "RPODUBAI"},
     {"DUESSELDORF", "DUSSELDORF"},
     {"EMBASSYVIENNA", "VIENNA"},
     {"GUATEMALACITY", "GUATEMALA"},
     {"HAGUE", "THEHAGUE"},
     {"HALIF", "HALIFAX"},
     {"HCMC", "HOCHIMINHCITY"},
     {"HK", "HONGKONG"},
     {"HOCHIMINH", "HOCHIMINHCITY"},
     {"IRPODUBAI", "RPODUBAI"},
     {"JIDDA", "JEDDAH"},
     {"KUALALUMP", "KUALALUMPUR"},
     {"KUWAITCITY", "KUWAIT"},
     {"MADRIDSP", "MADRID"},
     {"MEXICOCITY", "MEXICO"},
     {"MUMB", "MUMBAI"},
     {"MVD", "MONTEVIDEO"},
     {"NEWYORK", "USUNNEWYORK"},
     {"OSAKA", "OSAKAKOBE"},
     {"PANAMACITY", "PANAMA"},
     {"PARISFR", "UNESCOPARISFR"},  // "PARIS FR": the mission to UNESCO (08PARISFR2202)
     {"PAULO", "SAOPAULO"},
     {"PAUP", "PORTAUPRINCE"},
     {"PETERSBURG", "STPETERSBURG"},
     {"PHNOMPEHN", "PHNOMPENH"},
     {"PHNOMPEN", "PHNOMPENH"},
     {"QUEBECCITY", "QUEBEC"},
     {"REOBASRAH", "BASRAH"},
     {"REOHILLAH", "HILLAH"},
     {"REOKIRKUK", "KIRKUK"},
     {"REOMOSUL", "MOSUL"},
     {"RIO", "RIODEJANEIRO"},
     {"RIODEJAN", "RIODEJANEIRO"},
     {"SAINTPETERSBURG", "STPETERSBURG"},
     {"SECDEFWASH", "SECDEF"},
     {"SECDEFWASHDC", "SECDEF"},
     {"SECSTATE", "STATE"},
     {"SECSTATEWASHDC", "STATE"},
     {"TALLIN", "TALLINN"},
     {"TANA", "ANTANANARIVO"},
     {"TANANARIVE", "ANTANANARIVO"},
     {"TEGUC", "TEGUCIGALPA"},
     {"TEGUZ", "TEGUCIGALPA"},
     {"UNVIE", "UNVIEVIENNA"},
     {"UNVIENNA", "UNVIEVIENNA"},
     {"UNVIEVIEN", "UNVIEVIENNA"},
     {"USDA", "USDAFAS"},
     {"USDAFASWASHDC", "USDAFAS"},
     {"USDOCWASHDC", "USDOC"},
     {"USEU", "USEUBRUSSELS"},
     {"USEUBRUSS", "USEUBRUSSELS"},
     {"USINTHAVANA", "HAVANA"},
     {"USUN", "USUNNEWYORK"},
     {"USUNESCO", "UNESCOPARISFR"},
     {"USUNESCOPARISFR", "UNESCOPARISFR"},
     {"USUNNY", "USUNNEWYORK"},
     {"VATICANCITY", "VATICAN"},
     {"WASHDC", "STATE"}}};

// Optimal string alignment distance (Levenshtein with transpositions), capped:
// returns cap + 1 once the distance exceeds `cap`. Written here because none
// of libcable's dependencies offers an edit distance; the strings are short.
std::size_t distance(std::string_view a, std::string_view b, std::size_t cap) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// The one station for which `match` holds; nullopt when none or several.
template <typename Match>
std::optional<std::string_view> unique_station(Match match) {
  std::optional<std::string_view> found;
  for (std::string_view s : kStations) {
    if (!match(s)) continue;
    if (found) return std::nullopt;
    found = s;
  }
  return found;
}

}  // namespace

bool is_station(std::string_view spelling) {
  return std::binary_search(kStations.begin(), kStations.end(), spelling);
}

std::optional<std::string_view> station_named(std::string_view name) {
  if (is_station(name)) return *std::lower_bound(kStations.begin(), kStations.end(), name);
  for (const auto& [alias, station] : kAliases) {
    if (alias == name) return station;
  }
  return std::nullopt;
}

std::optional<std::string_view> nearest_station(std::string_view damaged) {
  if (auto s = station_named(damaged)) return s;
  // The longest name that ends it, a station's or an alias's.
  std::optional<std::string_view> longest;
  std::size_t longest_size = 3;
  const auto ending = [&](std::string_view name, std::string_view station) {
    if (name.size() > longest_size && damaged.ends_with(name)) {
      longest = station;
      longest_size = name.size();
    }
  };
  for (std::string_view s : kStations) ending(s, s);
  for (const auto& [alias, station] : kAliases) ending(alias, station);
  if (longest) return longest;
  if (damaged.size() >= 5) {
    if (auto s = unique_station([&](std::string_view s) { return s.starts_with(damaged); })) {
      return s;
    }
  }
  const std::size_t cap = damaged.size() >= 8 ? 2 : 1;
  std::size_t best = cap + 1;
  std::optional<std::string_view> nearest;
  bool tie = false;
  const auto consider = [&](std::string_view name, std::string_view station) {
    const std::size_t d = distance(damaged, name, cap);
    if (d < best) {
      best = d;
      nearest = station;
      tie = false;
    } else if (d == best && d <= cap && nearest != station) {
      tie = true;
    }
  };
  for (std::string_view s : kStations) consider(s, s);
  for (const auto& [alias, station] : kAliases) consider(alias, station);
  if (tie || best > cap) return std::nullopt;
  return nearest;
}

}  // namespace cable::internal
