#include "modules/expenses/expense_repository.hpp"

#include <algorithm>

#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "storage/text_match.hpp"

namespace ov::expenses {

namespace {

const storage::Table<ExpenseRecord> kExpenses(kExpenseEntity);
const storage::Table<ExpenseRecord> kLite(kLiteEntity);
const storage::Table<ExpenseLine> kLines(kLineEntity);
const storage::Table<ExpenseState> kStates(kStateEntity);
const storage::Table<ExpenseLog> kLogs(kLogEntity);

template <class R>
std::vector<R> read_children(storage::Session& s, const storage::Table<R>& table,
                             const std::string& sql, std::int64_t company_id,
                             std::int64_t expense_id) {
  std::vector<R> out;
  auto rows = s.query(sql, {company_id, expense_id});
  while (rows.next()) out.push_back(table.read(rows));
  return out;
}

}  // namespace

std::optional<ExpenseRecord> ExpenseRepository::find(std::int64_t company_id,
                                                     const std::optional<std::int64_t>& id,
                                                     std::string_view expense_no) {
  static const std::string by_id =
      kExpenses.select() + " WHERE e.company_id = ? AND e.expense_id = ?";
  static const std::string by_no =
      kExpenses.select() + " WHERE e.company_id = ? AND lower(e.expense_no) = lower(?)";
  auto rows = id ? s_.query(by_id, {company_id, *id}) : s_.query(by_no, {company_id, expense_no});
  if (!rows.next()) return std::nullopt;
  auto e = kExpenses.read(rows);
  load_details(e);
  return e;
}

std::optional<ExpenseRecord> ExpenseRepository::find_for_update(
    std::int64_t company_id, const std::optional<std::int64_t>& id, std::string_view expense_no) {
  auto locked = storage::find_for_write(s_, {"expenses", "expense_id", "expense_no"}, company_id,
                                        id, expense_no);
  if (!locked) return std::nullopt;
  return find(company_id, *locked, "");
}

void ExpenseRepository::load_details(ExpenseRecord& e) {
  static const std::string lines =
      kLines.select() + " WHERE l.company_id = ? AND l.expense_id = ? ORDER BY l.position";
  static const std::string states = kStates.select() +
                                    " WHERE st.company_id = ? AND st.expense_id = ? ORDER BY "
                                    "st.seq, st.expense_states_id";
  static const std::string logs =
      kLogs.select() + " WHERE lg.company_id = ? AND lg.expense_id = ? ORDER BY lg.activity_log_id";
  e.lines = read_children(s_, kLines, lines, e.company_id, e.expense_id);
  e.states = read_children(s_, kStates, states, e.company_id, e.expense_id);
  e.logs = read_children(s_, kLogs, logs, e.company_id, e.expense_id);
  e.attachments = attachments::list(s_, e.company_id, attachments::kExpenseOwner, e.expense_id);
}

void ExpenseRepository::insert(ExpenseRecord& e, bool with_id) {
  e.expense_id = kExpenses.insert(s_, e, with_id);
  save_lines(ExpenseRecord{}, e);
}

void ExpenseRepository::update(const ExpenseRecord& before, const ExpenseRecord& e) {
  kExpenses.update_changed(s_, before, e);
}

void ExpenseRepository::save_lines(const ExpenseRecord& before, ExpenseRecord& e) {
  for (const auto& old : before.lines) {
    const bool kept = std::any_of(e.lines.begin(), e.lines.end(), [&](const ExpenseLine& l) {
      return l.expense_detail_id == old.expense_detail_id;
    });
    if (!kept) {
      s_.exec("DELETE FROM expense_details WHERE company_id = ? AND expense_detail_id = ?",
              {e.company_id, old.expense_detail_id});
    }
  }
  std::int64_t position = 0;
  for (auto& line : e.lines) {
    line.company_id = e.company_id;
    line.expense_id = e.expense_id;
    line.position = position++;
    if (line.expense_detail_id == 0) {
      line.expense_detail_id = kLines.insert(s_, line);
      continue;
    }
    auto was = std::find_if(before.lines.begin(), before.lines.end(), [&](const ExpenseLine& l) {
      return l.expense_detail_id == line.expense_detail_id;
    });
    if (was != before.lines.end()) kLines.update_changed(s_, *was, line);
  }
}

void ExpenseRepository::add_state(const ExpenseRecord& e, int state, const std::string& user_id,
                                  core::UnixSeconds now) {
  ExpenseState st;
  st.company_id = e.company_id;
  st.expense_id = e.expense_id;
  st.status_id = state;
  st.created_by_user_id = user_id;
  st.date_created = now;
  st.seq = e.states.empty() ? 1 : e.states.back().seq + 1;
  kStates.insert(s_, st);
}

void ExpenseRepository::add_log(const ExpenseRecord& e, int log_type, std::string_view comment,
                                const std::string& user_id, core::UnixSeconds now) {
  ExpenseLog lg;
  lg.company_id = e.company_id;
  lg.expense_id = e.expense_id;
  lg.log_type = log_type;
  lg.comment = std::string(comment);
  lg.created_by_user_id = user_id;
  lg.date_created = now;
  kLogs.insert(s_, lg);
}

std::vector<ExpenseGroup> ExpenseRepository::enquiry(std::int64_t company_id,
                                                     const EnquiryInput& in) {
  // The creators named by staff code; codes no user has match nothing.
  std::vector<std::string> creators;
  for (const auto& code : in.staff_codes) {
    auto rows =
        s_.query("SELECT user_id FROM users WHERE company_id = ? AND lower(staff_code) = lower(?)",
                 {company_id, code});
    while (rows.next()) creators.push_back(rows.str(0));
  }
  if (!in.staff_codes.empty() && creators.empty()) return {};
  std::vector<int> statuses;
  if (in.status_ids) {
    for (int id : kStatuses) {
      if (std::find(in.status_ids->begin(), in.status_ids->end(), id) != in.status_ids->end()) {
        statuses.push_back(id);
      }
    }
  } else {
    statuses.assign(std::begin(kStatuses), std::end(kStatuses));
  }
  // One page per status, each read from the status's date-ordered index.
  std::vector<ExpenseGroup> out;
  for (int status : statuses) {
    storage::Sql q;
    q.add(kLite.select());
    q.add(" WHERE e.company_id = ? AND e.status_id = ?")
        .bind(company_id)
        .bind(std::int64_t{status});
    if (in.expense_type_id != 0) {
      q.add(" AND (e.type_mask & ?) <> 0")
          .bind(std::int64_t{1} << (in.expense_type_id - kFirstType));
    }
    if (!creators.empty()) q.add(" AND e.created_by_user_id IN ").in_list(creators);
    if (in.date_start) q.add(" AND e.date_transaction >= ?").bind(*in.date_start);
    if (in.date_end) q.add(" AND e.date_transaction <= ?").bind(*in.date_end);
    if (in.search_text) {
      storage::add_contains_any(q, s_, {"e.expense_no", "e.subject", "e.remark"}, *in.search_text);
    }
    q.add(" ORDER BY e.date_transaction DESC, e.expense_id DESC LIMIT ? OFFSET ?")
        .bind(in.take)
        .bind(in.skip);
    ExpenseGroup group;
    group.status_id = status;
    auto rows = s_.query(q.text(), q.params());
    while (rows.next()) group.expenses.push_back(kLite.read(rows));
    if (!group.expenses.empty()) out.push_back(std::move(group));
  }
  return out;
}

}  // namespace ov::expenses
