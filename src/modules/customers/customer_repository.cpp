#include "modules/customers/customer_repository.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <span>
#include <unordered_map>

#include "modules/customers/customer_keywords.hpp"
#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::customers {

using storage::opt;
using storage::Sql;
using storage::Value;

namespace {

// Mean Earth radius of the great-circle distance (IUGG), in km.
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kDegreesToRadians = std::numbers::pi / 180.0;

// The shortest decimal text that reads back as exactly `d`.
std::string exact_decimal(double d) {
  std::array<char, 32> buf;
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
  return std::string(buf.data(), end);
}

const storage::Table<CustomerRecord> kCustomers(kCustomerEntity);
const storage::Table<CustomerRecord> kSummaries(kCustomerSummaryEntity);
const storage::Table<Address> kAddresses(kAddressEntity);
const storage::Table<Contact> kContacts(kContactEntity);

CustomerRecord read_customer(storage::Rows& r) { return kCustomers.read(r); }

}  // namespace

std::vector<CustomerRecord> CustomerRepository::load(std::string_view where_sql,
                                                     std::initializer_list<Value> params,
                                                     bool contacts) {
  std::string sql = kCustomers.select();
  sql += " WHERE ";
  sql += where_sql;
  auto rows = s_.query(sql, params);
  std::vector<CustomerRecord> out;
  while (rows.next()) out.push_back(read_customer(rows));
  attach_children(out, contacts);
  return out;
}

void CustomerRepository::attach_children(std::vector<CustomerRecord>& list, bool contacts) {
  if (list.empty()) return;
  std::unordered_map<std::int64_t, CustomerRecord*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& c : list) {
    by_id.emplace(c.customer_id, &c);
    ids.push_back(c.customer_id);
  }
  Sql a;
  a.add(kAddresses.select())
      // The ids lead ("+" keeps a database from walking a company-wide index instead).
      .add(" WHERE +a.company_id = ? AND a.customer_id IN ")
      .bind(list.front().company_id)
      .in_list(ids)
      .add(" ORDER BY a.customer_id, a.position");
  auto rows = s_.query(a.text(), a.params());
  while (rows.next()) {
    Address addr = kAddresses.read(rows);
    by_id.at(addr.customer_id)->addresses.push_back(std::move(addr));
  }
  if (contacts) {
    Sql ct;
    ct.add(kContacts.select())
        .add(" WHERE +ct.company_id = ? AND ct.customer_id IN ")
        .bind(list.front().company_id)
        .in_list(ids)
        .add(" ORDER BY ct.customer_id, ct.position");
    auto rows = s_.query(ct.text(), ct.params());
    while (rows.next()) {
      Contact contact = kContacts.read(rows);
      by_id.at(contact.customer_id)->contacts.push_back(std::move(contact));
    }
  }
  Sql o;
  o.add(
       "SELECT o.customer_id, u.staff_code FROM customer_owners o JOIN users u ON u.company_id "
       "= o.company_id AND u.user_id = o.user_id WHERE +o.company_id = ? AND o.customer_id IN ")
      .bind(list.front().company_id)
      .in_list(ids)
      .add(" ORDER BY o.customer_id, o.position");
  auto owners = s_.query(o.text(), o.params());
  while (owners.next()) {
    // An owner whose staff code was since removed still owns the customer, but has no code to
    // show.
    if (owners.is_null(1)) continue;
    by_id.at(owners.i64(0))->owners.push_back(owners.str(1));
  }
}

std::optional<CustomerRecord> CustomerRepository::find_by_code(std::int64_t company_id,
                                                               std::string_view code) {
  auto list = load("c.company_id = ? AND lower(c.customer_code) = lower(?)", {company_id, code});
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

std::optional<CustomerRecord> CustomerRepository::find_by_id(std::int64_t company_id,
                                                             std::int64_t customer_id) {
  auto list = load("c.company_id = ? AND c.customer_id = ?", {company_id, customer_id});
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

namespace {

// An audited master entry of `list` as the legacy object nests it, or nullopt without an id.
std::optional<LegacyMasterEntry> legacy_entry(storage::Session& s, const core::MasterList& list,
                                              std::int64_t company_id,
                                              const std::optional<std::int64_t>& id) {
  if (!id) return std::nullopt;
  std::string sql = "SELECT ";
  sql.append(list.name_column).append(", ").append(list.active_column);
  sql.append(", created_by_user_id, date_created FROM ").append(list.table);
  sql.append(" WHERE company_id = ? AND ").append(list.id_column).append(" = ?");
  auto rows = s.query(sql, {company_id, *id});
  if (!rows.next()) return std::nullopt;
  LegacyMasterEntry e;
  e.id = *id;
  e.company_id = company_id;
  e.name = rows.str(0);
  e.is_active = rows.i64(1) != 0;
  e.created_by_user_id = rows.opt_str(2);
  e.date_created = rows.opt_i64(3);
  return e;
}

}  // namespace

std::optional<CustomerRecord> CustomerRepository::find_legacy(std::int64_t company_id,
                                                              std::int64_t customer_id) {
  // The legacy object shows no contacts.
  auto list = load("c.company_id = ? AND c.customer_id = ?", {company_id, customer_id}, false);
  if (list.empty()) return std::nullopt;
  std::optional<CustomerRecord> c(std::move(list.front()));
  c->group_entry = legacy_entry(s_, kCustomerGroups, company_id, c->group_id);
  c->classification_entry =
      legacy_entry(s_, kCustomerClassifications, company_id, c->classification_id);
  auto rows = s_.query(
      "SELECT topic_id, is_active FROM customer_interests WHERE customer_id = ? AND "
      "company_id = ? ORDER BY topic_id",
      {customer_id, company_id});
  while (rows.next()) c->interest_rows.push_back({customer_id, rows.i64(0), rows.i64(1) != 0});
  return c;
}

Page<CustomerRecord> CustomerRepository::find_by_name(std::int64_t company_id,
                                                      std::string_view name, std::int64_t limit) {
  Page<CustomerRecord> page;
  page.total = s_.query_i64(
                     "SELECT COUNT(*) FROM customers c WHERE c.company_id = ? AND "
                     "lower(c.customer_name) = lower(?)",
                     {company_id, name})
                   .value_or(0);
  if (page.total == 0) return page;
  page.items = load(
      "c.company_id = ? AND lower(c.customer_name) = lower(?) ORDER BY lower(c.customer_code), "
      "c.customer_id LIMIT ?",
      {company_id, name, limit});
  return page;
}

std::vector<CustomerRecord> CustomerRepository::find_by_tax_no(
    std::int64_t company_id, std::string_view tax_no,
    const std::optional<std::string>& branch_code) {
  if (branch_code) {
    return load(
        "c.company_id = ? AND c.customer_tax_no = ? AND c.branch_code = ? ORDER BY "
        "c.customer_id",
        {company_id, tax_no, std::string_view(*branch_code)});
  }
  return load(
      "c.company_id = ? AND c.customer_tax_no = ? ORDER BY c.branch_code ASC NULLS FIRST, "
      "c.customer_id",
      {company_id, tax_no});
}

namespace {

// Filters answered by reading customer rows (all but keyword and a single state, which the
// keyword index answers).
bool has_row_filters(const EnquiryInput& in) {
  return in.states.size() > 1 || !in.types.empty() || !in.statuses.empty() ||
         !in.lead_statuses.empty() || !in.active.empty() || !in.classifications.empty() ||
         !in.groups.empty() || !in.group_names.empty() || !in.tags.empty() || !in.owners.empty() ||
         (in.owner_teams && *in.owner_teams != kOwnerTeamsAll) || !in.topic_interests.empty() ||
         in.geo.has_value();
}

// The one state the keyword index can narrow its read to.
std::optional<int> single_state(const std::vector<std::int64_t>& states) {
  if (states.size() != 1) return std::nullopt;
  return static_cast<int>(states.front());
}

// ASCII-lower-cased copies, for IN lists compared with lower(column).
std::vector<std::string> lowered(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(search_lower(v));
  return out;
}

}  // namespace

std::vector<CustomerRecord> CustomerRepository::load_ids(std::int64_t company_id,
                                                         const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  Sql q;
  // The ids lead: "+" keeps SQLite from scanning a company index instead.
  q.add(kCustomers.select()).add(" WHERE +c.company_id = ? AND c.customer_id IN ").bind(company_id);
  q.in_list(ids);
  std::unordered_map<std::int64_t, CustomerRecord> found;
  auto rows = s_.query(q.text(), q.params());
  while (rows.next()) {
    auto c = read_customer(rows);
    found.emplace(c.customer_id, std::move(c));
  }
  std::vector<CustomerRecord> out;
  out.reserve(ids.size());
  for (auto id : ids) {
    if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
  }
  attach_children(out);
  return out;
}

// The page of a keyword enquiry in code order, from the ids the index matched: the number of
// matches is known without reading a row, the page is cut from the matches put in code order
// by their remembered codes, and only the page's rows are read.
Page<CustomerRecord> CustomerRepository::keyword_page(std::int64_t company_id,
                                                      const EnquiryInput& in,
                                                      const std::vector<std::int64_t>& ids) {
  Page<CustomerRecord> page;
  page.total = static_cast<std::int64_t>(ids.size());
  if (in.skip >= page.total) return page;
  page.items =
      load_ids(company_id, codes_->page(s_, ids, in.order.front().descending, in.skip, in.take));
  return page;
}

Page<CustomerRecord> CustomerRepository::enquiry(std::int64_t company_id, const EnquiryInput& in) {
  if (in.keyword && !KeywordIndex::can_match(*in.keyword)) return {};
  const KeywordIndex keywords(s_);
  // Keyword and type alone, in code order (the default): answered from the index.
  if (codes_ && in.keyword && !has_row_filters(in) && in.order.front().column == kSortByCode) {
    if (auto ids = keywords.ids(company_id, *in.keyword, single_state(in.states))) {
      return keyword_page(company_id, in, *ids);
    }
  }
  Sql where;
  if (in.keyword) {
    keywords.from(where, company_id, *in.keyword, single_state(in.states), kCustomers.joins());
  } else {
    where.add(" FROM customers c").add(kCustomers.joins()).add(" WHERE c.company_id = ?");
    where.bind(company_id);
  }
  if (!in.states.empty()) where.add(" AND c.customer_state IN ").in_list(in.states);
  if (!in.types.empty()) where.add(" AND c.customer_type IN ").in_list(in.types);
  if (!in.statuses.empty()) where.add(" AND c.customer_status IN ").in_list(in.statuses);
  if (!in.lead_statuses.empty()) where.add(" AND c.lead_status IN ").in_list(in.lead_statuses);
  if (!in.active.empty()) {
    std::vector<std::int64_t> flags;
    for (bool b : in.active) flags.push_back(b ? 1 : 0);
    where.add(" AND c.is_active IN ").in_list(flags);
  }
  if (!in.tags.empty()) {
    where
        .add(
            " AND c.customer_id IN (SELECT t.customer_id FROM customer_tag_links t WHERE "
            "t.company_id = ? AND lower(t.tag) IN ")
        .bind(company_id)
        .in_list(lowered(in.tags))
        .add(")");
  }
  if (!in.group_names.empty()) {
    where
        .add(
            " AND c.customer_group_id IN (SELECT g.customer_group_id FROM customer_groups g "
            "WHERE g.company_id = ? AND lower(g.name) IN ")
        .bind(company_id)
        .in_list(lowered(in.group_names))
        .add(")");
  }
  if (!in.classifications.empty()) {
    where.add(" AND c.classification_id IN ").in_list(in.classifications);
  }
  if (!in.groups.empty()) where.add(" AND c.customer_group_id IN ").in_list(in.groups);
  if (!in.owners.empty()) {
    // Staff codes that name no employee match no customer.
    std::vector<std::string> user_ids;
    for (const auto& code : in.owners) {
      if (auto e = refs::find_employee_by_staff_code(s_, company_id, code)) {
        user_ids.push_back(std::move(e->user_id));
      }
    }
    if (user_ids.empty()) return {};
    where
        .add(
            " AND c.customer_id IN (SELECT o.customer_id FROM customer_owners o WHERE "
            "o.company_id = ? AND o.user_id IN ")
        .bind(company_id)
        .in_list(user_ids)
        .add(")");
  }
  if (in.owner_teams && *in.owner_teams == kOwnerTeamsAnyOwner) {
    where.add(" AND EXISTS (SELECT 1 FROM customer_owners o WHERE o.customer_id = c.customer_id)");
  } else if (in.owner_teams && *in.owner_teams != kOwnerTeamsAll) {
    where
        .add(
            " AND c.customer_id IN (SELECT o.customer_id FROM customer_owners o JOIN users u ON "
            "u.company_id = o.company_id AND u.user_id = o.user_id WHERE o.company_id = ? AND "
            "u.team_id = ?)")
        .bind(company_id)
        .bind(*in.owner_teams);
  }
  if (!in.topic_interests.empty()) {
    where
        .add(
            " AND c.customer_id IN (SELECT i.customer_id FROM customer_interests i WHERE "
            "i.company_id = ? AND i.is_active = 1 AND i.topic_id IN ")
        .bind(company_id)
        .in_list(in.topic_interests)
        .add(")");
  }
  if (in.geo) {
    // Within d km of the centre ⇔ the cosine of the central angle is at least cos(d / R)
    // (spherical law of cosines): no arccosine, so no domain error from rounding. The terms
    // that depend on the centre travel as shortest round-trip decimal text, cast back to a
    // double by the database: every backend then receives them to the last bit, which small
    // radii need (5 km is a cosine of 1 - 3e-7). 0.017453292519943295 is π/180.
    const double lat0 = in.geo->latitude * kDegreesToRadians;
    const double angle = std::min(in.geo->distance_km / kEarthRadiusKm, std::numbers::pi);
    where
        .add(
            " AND c.customer_id IN (SELECT a.customer_id FROM customer_addresses a WHERE "
            "a.company_id = ? AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL AND "
            "sin(a.latitude * 0.017453292519943295) * CAST(? AS DOUBLE PRECISION) + "
            "cos(a.latitude * 0.017453292519943295) * CAST(? AS DOUBLE PRECISION) * "
            "cos(a.longitude * 0.017453292519943295 - CAST(? AS DOUBLE PRECISION)) >= "
            "CAST(? AS DOUBLE PRECISION))")
        .bind(company_id)
        .bind_text(exact_decimal(std::sin(lat0)))
        .bind_text(exact_decimal(std::cos(lat0)))
        .bind_text(exact_decimal(in.geo->longitude * kDegreesToRadians))
        .bind_text(exact_decimal(std::cos(angle) - 1e-12));
  }
  auto page =
      storage::run_page(s_, kCustomers, where, in.keyword.has_value(),
                        storage::order_by(kCustomerSort, in.order, kSortById), in.take, in.skip);
  attach_children(page.items);
  return page;
}

Page<CustomerRecord> CustomerRepository::search(std::int64_t company_id, const SearchInput& in) {
  if (!KeywordIndex::can_match(in.text)) return {};
  Sql where;
  // One state narrows the part of the index read; several are filtered on the rows.
  KeywordIndex(s_).from(where, company_id, in.text, single_state(in.states));
  if (!in.states.empty()) where.add(" AND c.customer_state IN ").in_list(in.states);
  if (!in.types.empty()) where.add(" AND c.customer_type IN ").in_list(in.types);
  // An exact code match first, then by name (§4.3.13); the id makes the order total.
  const std::string order =
      " ORDER BY CASE WHEN lower(c.customer_code) = lower(?) THEN 0 ELSE 1 END, "
      "lower(c.customer_name), c.customer_id";
  return storage::run_page(s_, kSummaries, where, true, order, in.take, in.skip,
                           {std::string_view(in.text)});
}

std::vector<ExistenceMatch> CustomerRepository::existence(std::int64_t company_id,
                                                          const ExistenceInput& in,
                                                          std::int64_t limit) {
  // Each given field is one condition; the CASE columns tell which of them a row met, so the
  // matched fields are decided by the same comparison as the match itself.
  Sql cols, cond;
  std::vector<const char*> names;
  auto term = [&](const char* name, std::string_view sql, auto bind) {
    names.push_back(name);
    cols.add(", CASE WHEN ").add(sql).add(" THEN 1 ELSE 0 END");
    bind(cols);
    cond.add(cond.text().empty() ? "(" : " OR (").add(sql).add(")");
    bind(cond);
  };
  if (in.customer_name) {
    term("customerName", "lower(c.customer_name) = lower(?)",
         [&](Sql& q) { q.bind(std::string_view(*in.customer_name)); });
  }
  if (in.tax_no) {
    if (in.branch_code) {
      term("customerTaxNo", "c.customer_tax_no = ? AND c.branch_code = ?", [&](Sql& q) {
        q.bind(std::string_view(*in.tax_no)).bind(std::string_view(*in.branch_code));
      });
    } else {
      term("customerTaxNo", "c.customer_tax_no = ?",
           [&](Sql& q) { q.bind(std::string_view(*in.tax_no)); });
    }
  }
  // Phone and mobile each compare on digits against both stored numbers.
  std::optional<std::string> phone, mobile;
  if (in.phone) phone = phone_digits(*in.phone);
  if (in.mobile) mobile = phone_digits(*in.mobile);
  if (phone) {
    term("customerPhone", "c.phone_digits = ? OR c.mobile_digits = ?",
         [&](Sql& q) { q.bind(std::string_view(*phone)).bind(std::string_view(*phone)); });
  }
  if (mobile) {
    term("customerMobile", "c.phone_digits = ? OR c.mobile_digits = ?",
         [&](Sql& q) { q.bind(std::string_view(*mobile)).bind(std::string_view(*mobile)); });
  }
  if (in.email) {
    term("customerEmail", "lower(c.customer_email) = lower(?)",
         [&](Sql& q) { q.bind(std::string_view(*in.email)); });
  }
  std::vector<ExistenceMatch> out;
  if (names.empty()) return out;

  Sql q;
  q.add("SELECT c.customer_id, c.customer_code, c.customer_name").add(cols.text());
  q.add(" FROM customers c WHERE c.company_id = ? AND (").add(cond.text());
  q.add(") ORDER BY lower(c.customer_code), c.customer_id LIMIT ?");
  std::vector<Value> params(cols.params().begin(), cols.params().end());
  params.emplace_back(company_id);
  params.insert(params.end(), cond.params().begin(), cond.params().end());
  params.emplace_back(limit);
  auto rows = s_.query(q.text(), params);
  while (rows.next()) {
    ExistenceMatch m;
    m.customer_id = rows.i64(0);
    m.customer_code = rows.str(1);
    m.customer_name = rows.str(2);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (rows.i64(3 + static_cast<int>(i)) == 1) {
        m.matched_fields.emplace_back(names[i]);
        if (std::string_view(names[i]) == "customerTaxNo" && in.branch_code) {
          m.matched_fields.emplace_back("branchCode");
        }
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

bool CustomerRepository::code_taken(std::int64_t company_id, std::string_view code) {
  return s_
      .query_i64("SELECT 1 FROM customers WHERE company_id = ? AND lower(customer_code) = lower(?)",
                 {company_id, code})
      .has_value();
}

std::int64_t CustomerRepository::insert_row(const CustomerRecord& c) {
  return kCustomers.insert(s_, c, c.customer_id != 0);
}

void CustomerRepository::update_row(const CustomerRecord& c) { kCustomers.update(s_, c); }

void CustomerRepository::save_addresses(CustomerRecord& c, bool fresh) {
  if (!fresh) {
    // Stored addresses the new list does not keep are removed.
    std::vector<std::int64_t> kept;
    for (const auto& a : c.addresses) {
      if (a.address_id != 0) kept.push_back(a.address_id);
    }
    Sql del;
    del.add("DELETE FROM customer_addresses WHERE customer_id = ? AND company_id = ?")
        .bind(c.customer_id)
        .bind(c.company_id);
    if (!kept.empty()) del.add(" AND address_id NOT IN ").in_list(kept);
    s_.exec(del.text(), del.params());
  }
  std::int64_t position = 0;
  for (auto& a : c.addresses) {
    a.company_id = c.company_id;
    a.customer_id = c.customer_id;
    a.position = position++;
    if (a.address_id != 0) {
      kAddresses.update(s_, a);
    } else {
      a.address_id = kAddresses.insert(s_, a);
    }
  }
}

void CustomerRepository::save_owners(const CustomerRecord& c,
                                     const std::vector<refs::EmployeeRef>& owners, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM customer_owners WHERE customer_id = ? AND company_id = ?",
            {c.customer_id, c.company_id});
  }
  std::int64_t position = 0;
  for (const auto& o : owners) {
    s_.exec(
        "INSERT INTO customer_owners (company_id, customer_id, position, user_id) VALUES (?, ?, "
        "?, ?)",
        {c.company_id, c.customer_id, position++, std::string_view(o.user_id)});
  }
}

void CustomerRepository::save_contacts(CustomerRecord& c, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM customer_contacts WHERE customer_id = ? AND company_id = ?",
            {c.customer_id, c.company_id});
  }
  std::int64_t position = 0;
  for (auto& ct : c.contacts) {
    ct.company_id = c.company_id;
    ct.customer_id = c.customer_id;
    ct.position = position++;
    ct.contact_id = kContacts.insert(s_, ct);
  }
}

void CustomerRepository::save_tags(const CustomerRecord& c, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM customer_tag_links WHERE customer_id = ? AND company_id = ?",
            {c.customer_id, c.company_id});
  }
  for (const auto& tag : c.tags) {
    s_.exec("INSERT INTO customer_tag_links (company_id, customer_id, tag) VALUES (?, ?, ?)",
            {c.company_id, c.customer_id, std::string_view(tag)});
  }
}

void CustomerRepository::save_interests(const CustomerRecord& c, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM customer_interests WHERE customer_id = ? AND company_id = ?",
            {c.customer_id, c.company_id});
  }
  for (auto topic : c.interest_ids) {
    s_.exec(
        "INSERT INTO customer_interests (company_id, customer_id, topic_id, is_active) VALUES "
        "(?, ?, ?, 1)",
        {c.company_id, c.customer_id, topic});
  }
}

void CustomerRepository::save_search(const CustomerRecord& c, bool fresh) {
  KeywordIndex(s_).save(c, fresh);
}

}  // namespace ov::customers
