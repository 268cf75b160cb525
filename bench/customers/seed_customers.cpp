// Seeds a company with N customers with realistic Thai and English names, contact details,
// owners and addresses, through the Customer section's own write path (so the keyword index
// is filled exactly as the API fills it), in large transactions. Writes a sample of the codes
// and a set of search keywords (name fragments a person would type) for the load scripts.
// Usage: openvenio_bench_seed_customers <db-url> <company-id> <count> <codes-file> <keywords-file>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "auth/provisioning.hpp"
#include "core/clock.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/demo/demo_data.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"

namespace {

using Words = std::vector<std::string>;

const Words kThaiFirst = {"สมชาย",   "สมศรี",   "วิชัย",     "สุดา",    "ประเสริฐ", "นภา",    "กิตติ",
                          "อรุณี",     "ธนพล",   "จันทร์เพ็ญ", "ศักดิ์ชัย",  "พรทิพย์",   "อนุชา",   "มาลี",
                          "ชัยวัฒน์",   "รัตนา",   "ปิยะ",     "สุภาพร",  "ณัฐพล",    "วรรณา",  "สุรเชษฐ์",
                          "กมลวรรณ", "ธีรวัฒน์",  "ศิริพร",    "อภิชาติ",  "นันทนา",   "ภานุวัฒน์", "ปวีณา",
                          "เอกชัย",   "ดวงใจ",  "ธนากร",   "พิมพ์ชนก", "ชนินทร์",   "อัญชลี",   "วีระพงษ์",
                          "ณัฐธิดา",   "สุทธิพงษ์", "กาญจนา",  "ปกรณ์",   "จิราพร"};
// Thai surnames are long compounds, nearly unique per family: two or three of these parts.
const Words kThaiSurnameParts = {
    "วงศ์",  "สวัสดิ์",    "ศรี",   "สุข",   "ทอง",    "เจริญ", "พงษ์", "ชัย",   "มงคล",  "รัตน",
    "กุล",   "ประเสริฐ", "อินทร์", "แก้ว",  "บุญ",     "ธนา",  "กิจ",  "พานิช", "สมบูรณ์", "เลิศ",
    "วัฒนา", "ศักดิ์",     "สกุล",  "ภักดี",  "จันทร์",   "เพชร", "นาค", "สิทธิ์",  "โชค",   "ดี",
    "มณี",   "ไพศาล",   "อุดม",  "ทรัพย์", "รุ่งเรือง", "ศิริ",   "พร",  "นิมิต",  "ไชย",   "วิเศษ",
    "ธรรม", "สถิตย์",    "ปัญญา", "อนันต์", "เกษม",   "ชาญ",  "วิทย์", "ฤทธิ์",  "พิทักษ์",  "สุวรรณ"};
const Words kThaiCompanyWords = {
    "สยาม",    "การค้า",   "ไทย",      "รุ่งเรือง",    "พัฒนา",      "อุตสาหกรรม",  "เทคโนโลยี",
    "ก่อสร้าง",  "อาหาร",   "ขนส่ง",     "พลังงาน",    "เกษตร",     "การแพทย์",    "บริการ",
    "ยานยนต์",  "อสังหา",   "ทองคำ",    "มหานคร",    "ล้านนา",     "อันดามัน",     "เจริญ",
    "มั่นคง",    "ศรีสยาม",  "กรุงเทพ",   "อีสาน",      "ภูเก็ต",      "ชลบุรี",       "เชียงใหม่",
    "โลจิสติกส์", "ดิจิทัล",    "ซัพพลาย",   "เอ็นจิเนียริ่ง", "คอนสตรัคชั่น", "อินเตอร์",     "เทรดดิ้ง",
    "โฮลดิ้ง",   "แฟคตอรี่",  "ฟาร์ม",     "ซีฟู้ด",       "พลาสติก",    "เหล็ก",       "กระดาษ",
    "สิ่งทอ",    "เคมี",     "ยางพารา",  "ไม้",        "เครื่องจักร",  "อิเล็กทรอนิกส์", "ปิโตรเลียม",
    "ประกันภัย", "การเงิน",  "ท่องเที่ยว",  "โรงแรม",    "สุขภาพ",     "ความงาม",    "การศึกษา",
    "มีเดีย",    "ซอฟต์แวร์", "แพ็คเกจจิ้ง", "เฟอร์นิเจอร์"};
const Words kEnglishFirst = {
    "James",   "Mary",     "John",    "Patricia", "Robert",  "Jennifer", "Michael", "Linda",
    "William", "Emma",     "David",   "Susan",    "Richard", "Jessica",  "Joseph",  "Sarah",
    "Thomas",  "Karen",    "Charles", "Nancy",    "Daniel",  "Lisa",     "Matthew", "Betty",
    "Anthony", "Sandra",   "Mark",    "Ashley",   "Steven",  "Emily",    "Paul",    "Donna",
    "Andrew",  "Michelle", "Kenneth", "Carol",    "Kevin",   "Amanda",   "Brian",   "Melissa",
    "Oliver",  "Sophie",   "Lucas",   "Chloe",    "Hiroshi", "Yuki",     "Wei",     "Mei",
    "Arjun",   "Priya",    "Hans",    "Greta",    "Pierre",  "Claire",   "Marco",   "Giulia"};
const Words kEnglishLast = {
    "Smith",     "Johnson",    "Williams", "Brown",     "Jones",  "Garcia",   "Miller",
    "Davis",     "Wilson",     "Anderson", "Taylor",    "Thomas", "Moore",    "Martin",
    "Jackson",   "Thompson",   "White",    "Harris",    "Clark",  "Lewis",    "Robinson",
    "Walker",    "Young",      "Allen",    "King",      "Wright", "Scott",    "Hill",
    "Green",     "Adams",      "Baker",    "Nelson",    "Carter", "Mitchell", "Roberts",
    "Turner",    "Phillips",   "Campbell", "Parker",    "Evans",  "Edwards",  "Collins",
    "Stewart",   "Morris",     "Murphy",   "Cook",      "Rogers", "Morgan",   "Peterson",
    "Cooper",    "Reed",       "Bailey",   "Bell",      "Kelly",  "Howard",   "Ward",
    "Cox",       "Richardson", "Wood",     "Watson",    "Brooks", "Bennett",  "Gray",
    "Hughes",    "Price",      "Sanders",  "Myers",     "Long",   "Ross",     "Foster",
    "Tanaka",    "Suzuki",     "Watanabe", "Chen",      "Wang",   "Li",       "Zhang",
    "Nguyen",    "Tran",       "Kumar",    "Sharma",    "Patel",  "Müller",   "Schmidt",
    "Schneider", "Fischer",    "Dubois",   "Lefebvre",  "Rossi",  "Russo",    "Ferrari",
    "Jensen",    "Nielsen",    "Hansen",   "Larsen",    "Novak",  "Kowalski", "Silva",
    "Santos",    "Oliveira",   "Costa",    "Fernandes", "Murray", "Fraser",   "Hamilton",
    "Graham",    "Wallace",    "Reid",     "Stevenson", "Lim",    "Tan",      "Ong",
    "Goh",       "Chua",       "Koh",      "Teo",       "Ng",     "Lau",      "Wong"};
const Words kEnglishAdjectives = {
    "Blue",    "Golden",      "Silver",  "Green",   "Royal",   "Pacific", "Eastern", "Northern",
    "Global",  "Prime",       "Bright",  "Smart",   "Rapid",   "Grand",   "Union",   "United",
    "Premier", "Summit",      "Crystal", "Diamond", "Orient",  "Lotus",   "Tiger",   "Elephant",
    "Mekong",  "Chao Phraya", "Andaman", "Siam",    "Bangkok", "Asia",    "Metro",   "Urban",
    "Coastal", "Highland",    "Solar",   "Nova",    "Apex",    "Vertex",  "Delta",   "Omega"};
const Words kEnglishNouns = {
    "River",       "Ocean",   "Bridge",  "Harbour",      "Valley",     "Garden",   "Tower",
    "Gate",        "Star",    "Sun",     "Moon",         "Peak",       "Field",    "Stone",
    "Logistics",   "Foods",   "Energy",  "Motors",       "Systems",    "Software", "Textiles",
    "Plastics",    "Steel",   "Paper",   "Chemicals",    "Rubber",     "Timber",   "Machinery",
    "Electronics", "Pharma",  "Medical", "Travel",       "Hotels",     "Media",    "Packaging",
    "Furniture",   "Seafood", "Farms",   "Construction", "Engineering"};
const Words kEnglishSuffixes = {"Co., Ltd.",     "Trading",   "Holdings", "Group",
                                "International", "Solutions", "Partners", "Industries"};
const Words kStreets = {"Sukhumvit Road",    "Rama IV Road",      "Silom Road",
                        "Sathorn Road",      "Phahonyothin Road", "Ratchadaphisek Road",
                        "Nimmanhaemin Road", "Thepkasattri Road", "Mittraphap Road",
                        "Sukhumvit Soi 101"};
const Words kCities = {"Bangkok",   "Nonthaburi", "Chiang Mai",        "Phuket",     "Khon Kaen",
                       "Chon Buri", "Hat Yai",    "Nakhon Ratchasima", "Udon Thani", "Rayong"};

// Staff of the seeded company: customers are spread over them as owners.
constexpr int kStaff = 20;
// Keywords written for the load script, and codes sampled for the GET workload.
constexpr int kKeywords = 2000;
constexpr int kCodeSample = 100000;

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  const std::string& pick(const Words& w) {
    return w[std::uniform_int_distribution<std::size_t>(0, w.size() - 1)(rng_)];
  }
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  std::string digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + between(0, 9));
    return s;
  }

  // A customer's name, second name and the fragment a person looking for it would type.
  struct Name {
    std::string name;
    std::optional<std::string> second;
    std::string token;  // the distinctive word of the name
    bool company;
  };
  Name name() {
    const int kind = between(0, 99);
    if (kind < 35) {  // Thai company
      const auto& a = pick(kThaiCompanyWords);
      const auto& b = pick(kThaiCompanyWords);
      std::string n = chance(0.35) ? "ห้างหุ้นส่วนจำกัด " + a + b : "บริษัท " + a + b + " จำกัด";
      std::optional<std::string> second;
      if (chance(0.4)) second = english_company();
      return {n, second, a + b, true};
    }
    if (kind < 65) {  // Thai person
      std::string surname = pick(kThaiSurnameParts) + pick(kThaiSurnameParts);
      if (chance(0.5)) surname += pick(kThaiSurnameParts);
      return {pick(kThaiFirst) + " " + surname, std::nullopt, surname, false};
    }
    if (kind < 85) {  // English person
      const auto& last = pick(kEnglishLast);
      return {pick(kEnglishFirst) + " " + last, std::nullopt, last, false};
    }
    auto n = english_company();  // English company
    return {n, std::nullopt, n.substr(0, n.find(' ', n.find(' ') + 1)), true};
  }
  std::string english_company() {
    return pick(kEnglishAdjectives) + " " + pick(kEnglishNouns) + " " + pick(kEnglishSuffixes);
  }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

// The code points [start, start + chars) of a word.
std::string substring_of(const std::string& word, int start, int chars) {
  std::vector<std::size_t> at;  // byte offset of each code point
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(word.size());
  const int n = static_cast<int>(at.size()) - 1;
  start = std::min(start, n);
  const int end = std::min(n, start + chars);
  return word.substr(at[start], at[end] - at[start]);
}

int code_points(const std::string& word) {
  int n = 0;
  for (unsigned char c : word) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: " << argv[0]
              << " <db-url> <company-id> <count> <codes-file> <keywords-file>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = std::stoll(argv[3]);
  std::ofstream codes_out(argv[4]);
  std::ofstream keywords_out(argv[5]);
  auto db = ov::storage::open_database(argv[1]);
  ov::core::SystemClock clock;
  const auto& zone = ov::core::TimeZone::bangkok();
  Generator gen(20250401);

  std::vector<std::string> staff;
  db->write_now([&](ov::storage::Session& s) {
    for (int i = 1; i <= kStaff; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "S%03d", i);
      ov::auth::NewUser user;
      user.name = std::string("Sales ") + code;
      user.staff_code = code;
      user.team_id = 1 + i % 4;
      ov::auth::add_user(s, company, user, clock.now());
      staff.emplace_back(code);
    }
  });

  const double keyword_rate = static_cast<double>(kKeywords) / static_cast<double>(count);
  const double code_rate = static_cast<double>(kCodeSample) / static_cast<double>(count);
  // 10 000 customers a transaction: large enough to seed quickly, small enough to keep the
  // WAL sane.
  constexpr std::int64_t kBatch = 10000;
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t n = std::min(kBatch, count - done);
    db->write_now([&](ov::storage::Session& s) {
      for (std::int64_t i = 0; i < n; ++i) {
        const auto now = clock.now();
        ov::customers::CustomerRecord c;
        c.company_id = company;
        const int t = gen.between(0, 99);
        c.customer_state = t < 20   ? ov::customers::kStateLead
                           : t < 30 ? ov::customers::kStateProspect
                                    : ov::customers::kStateCustomer;
        auto name = gen.name();
        c.customer_name = name.name;
        c.second_name = name.second;
        c.customer_status =
            gen.chance(0.92) ? ov::customers::kStatusActive : ov::customers::kStatusClosed;
        if (c.customer_state == ov::customers::kStateLead) c.lead_status = gen.between(1, 4);
        c.customer_type =
            name.company ? ov::customers::kTypeBusiness : ov::customers::kTypeIndividual;
        if (name.company) {
          c.tax_no = "0" + gen.digits(12);
          c.branch_code = "00000";
          if (gen.chance(0.1)) c.aliases.push_back(substring_of(name.token, 0, 6));
        }
        if (gen.chance(0.7)) c.phone = "02-" + gen.digits(3) + "-" + gen.digits(4);
        if (gen.chance(0.8)) {
          c.mobile = "08" + gen.digits(1) + "-" + gen.digits(3) + "-" + gen.digits(4);
        }
        if (gen.chance(0.6)) c.email = "contact" + std::to_string(done + i) + "@mail.example";
        if (gen.chance(0.5)) c.owners.push_back(gen.pick(staff));
        if (gen.chance(0.4)) {
          ov::customers::Address a;
          a.location_name = name.company ? "Head office" : "Home";
          a.location = std::to_string(gen.between(1, 999)) + " " + gen.pick(kStreets) + ", " +
                       gen.pick(kCities);
          a.latitude = 6.0 + gen.between(0, 140000) / 10000.0;
          a.longitude = 97.5 + gen.between(0, 80000) / 10000.0;
          a.created_by_user_id = ov::demo::kApiUserId;
          a.date_created = now;
          c.addresses.push_back(std::move(a));
        }
        c.customer_code = ov::storage::next_number(
            s, company, ov::customers::code_format(c.customer_state), now, zone);
        if (c.customer_state == ov::customers::kStateCustomer) c.date_acquired = now;
        c.created_by_user_id = c.modified_by_user_id = ov::demo::kApiUserId;
        c.date_created = c.date_modified = now;
        ov::customers::insert_customer(s, c);
        if (gen.chance(code_rate)) codes_out << c.customer_code << "\n";
        if (gen.chance(keyword_rate)) {
          // What a person looking for this customer types: 4 to 8 characters from anywhere in
          // the distinctive part of its name (Thai text has no spaces to start a word at).
          const int len = gen.between(4, 8);
          const int start = gen.between(0, std::max(0, code_points(name.token) - len));
          keywords_out << substring_of(name.token, start, len) << "\t" << c.customer_state << "\n";
        }
      }
    });
    done += n;
    if (done % 100000 == 0) std::cout << "seeded " << done << " customers\n" << std::flush;
  }
  db->close();
  std::cout << "seeded " << count << " customers\n";
  return 0;
}
