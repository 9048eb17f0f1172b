#pragma once
// Printed 警民联系牌 (police-community contact cards) and neighbourhood anti-fraud posters
// (issue 12): the officer who answers for a neighbourhood (一小区一民警) with photo, phone and
// the 反诈 liaison group, and QR codes for the anti-fraud platform (金钟罩) and the national
// anti-fraud centre app from the workspace's metadata. Cards are cut from A4 along crop marks;
// a poster is one A4 page with the neighbourhood's most frequent fraud types and what to do.
// Nothing about a victim is printed: posters carry counts by fraud type only.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

enum class CardKind { contact_card, poster };
// A6: four cards per A4 page (portrait, 2 × 2). A5: two per A4 page (landscape, side by side).
// Each card is cut at its size less 10 mm each way (95 × 138 mm for A6): the 5 mm band around
// it holds the crop marks and the edge a printer cannot print.
enum class CardSize { a6, a5 };

struct CardOptions {
    CardKind kind = CardKind::contact_card;
    CardSize size = CardSize::a6;
    std::string neighbourhood_id;        // one neighbourhood; empty: all, in workspace order
    bool per_building = false;           // contact cards: one per building entrance, with its address
    std::filesystem::path photo_folder;  // what officers' photo paths are relative to (the workspace's folder)
};

// Posters look back this many days from the workspace's latest case.
inline constexpr int kPosterWindowDays = 90;
// A poster names at most this many fraud types: what a passer-by reads.
inline constexpr std::size_t kPosterFraudTypes = 3;

struct FraudTypeCount {
    FraudType type = FraudType::other;
    std::int64_t cases = 0;
};

// The fraud types of the cases in neighbourhood `neighbourhood` (index into
// district.neighbourhoods; `incident_neighbourhood` is neighbourhood_of_incidents(district))
// whose time is in (end - days, end], most cases first (ties in FraudType order), at most
// `count`, types with no case left out.
std::vector<FraudTypeCount> top_fraud_types(const District& district, const std::vector<std::int32_t>& incident_neighbourhood,
                                            std::size_t neighbourhood, Timestamp end, int days, std::size_t count);

// What a poster tells people about a fraud type (Chinese, a sentence or two; the visit sheets'
// talking points where they have one).
const char* fraud_advice_zh(FraudType type);

struct CardsWritten {
    std::size_t cards = 0;  // cards or posters
    std::size_t pages = 0;
    // What is missing and left out ("N03: no officer"; "officer P02's photo x.jpg is not a PNG"),
    // one line each, for the command to print.
    std::vector<std::string> notes;
};

// Writes the cards or posters as a PDF (through a PendingFile). BadInput when
// `options.neighbourhood_id` names no neighbourhood or the workspace has none; IoError when the
// file cannot be written. A missing or unreadable photo prints a drawn silhouette; an empty URL
// leaves its QR code out; both are noted.
CardsWritten write_contact_cards_pdf(const District& district, const CardOptions& options, const std::filesystem::path& out);

}  // namespace geo
