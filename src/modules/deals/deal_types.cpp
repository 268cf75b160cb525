#include "modules/deals/deal_types.hpp"

#include "modules/master_data.hpp"

namespace ov::deals {

std::string_view status_name(int status_id) {
  switch (status_id) {
    case kStatusWon:
      return "Won";
    case kStatusLost:
      return "Lost";
    default:
      return "Open";
  }
}

void write_stage(api::JsonWriter& w, const DealRecord& d, const api::OutContext&) {
  if (d.stage) {
    modules::write_master_item(w, kDealStages, *d.stage);
  } else {
    w.Null();
  }
}

void write_status_name(api::JsonWriter& w, const DealRecord& d, const api::OutContext&) {
  api::write_string(w, status_name(d.status_id));
}

void add_board(storage::Session& s, std::int64_t company_id, std::int64_t board_id,
               std::string_view name) {
  storage::add_master_row(s, kDealBoards, company_id, board_id, name);
  s.exec(
      "INSERT INTO deal_board_defaults (company_id, board_id) VALUES (?, ?) ON CONFLICT "
      "(company_id) DO NOTHING",
      {company_id, board_id});
}

void add_stage(storage::Session& s, std::int64_t company_id, std::int64_t board_id,
               const StageSeed& stage) {
  s.exec(
      "INSERT INTO deal_stages (company_id, deal_stage_id, name, board_id, seq, probability, "
      "stage_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {company_id, stage.id, stage.name, board_id, stage.seq, stage.probability,
       std::int64_t{stage.stage_type}});
}

void add_label(storage::Session& s, std::int64_t company_id, const LabelSeed& label) {
  s.exec("INSERT INTO deal_labels (company_id, label_id, name, color) VALUES (?, ?, ?, ?)",
         {company_id, label.id, label.name, label.color});
}

void seed_deal_lists(storage::Session& s, std::int64_t company_id) {
  add_board(s, company_id, kDefaultBoardId, "Sales pipeline");
  for (const auto& stage : kDefaultStages) add_stage(s, company_id, kDefaultBoardId, stage);
  for (const auto& label : kDefaultLabelColors) add_label(s, company_id, label);
}

}  // namespace ov::deals
