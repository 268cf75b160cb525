// SQL of the Expense section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/expenses/expense_types.hpp"
#include "storage/database.hpp"

namespace ov::expenses {

class ExpenseRepository {
 public:
  explicit ExpenseRepository(storage::Session& s) : s_(s) {}

  // The expense with its lines, trail, log and attachments; numbers compare case-insensitively.
  std::optional<ExpenseRecord> find(std::int64_t company_id, const std::optional<std::int64_t>& id,
                                    std::string_view expense_no);
  // The same for a write that changes it: on a backend with concurrent writers the row is
  // locked first, so two changes of one expense run one after the other.
  std::optional<ExpenseRecord> find_for_update(std::int64_t company_id,
                                               const std::optional<std::int64_t>& id,
                                               std::string_view expense_no);

  // Inserts the expense (setting expense_id; `with_id` keeps the one e carries) and its lines.
  void insert(ExpenseRecord& e, bool with_id = false);
  // Writes the changed columns of the expense.
  void update(const ExpenseRecord& before, const ExpenseRecord& e);
  // Makes e.lines the stored lines: lines with an id are rewritten, lines without one are
  // added (their ids set), stored lines missing from e.lines are deleted.
  void save_lines(const ExpenseRecord& before, ExpenseRecord& e);
  // Appends a state to the approval trail (its seq the next) and an entry to the log.
  void add_state(const ExpenseRecord& e, int state, const std::string& user_id,
                 core::UnixSeconds now);
  void add_log(const ExpenseRecord& e, int log_type, std::string_view comment,
               const std::string& user_id, core::UnixSeconds now);

  // Expense Enquiry: the non-empty status groups, by statusId, each a page in date order.
  std::vector<ExpenseGroup> enquiry(std::int64_t company_id, const EnquiryInput& in);

 private:
  void load_details(ExpenseRecord& e);

  storage::Session& s_;
};

}  // namespace ov::expenses
