namespace ValueChain.Flexibility;

/// <summary>A fleet operator's offer of flexibility, with the best bid so far.</summary>
/// <param name="OfferId">Its id, counted from 1.</param>
/// <param name="Round">The auction round it belongs to.</param>
/// <param name="FleetOperator">The offering fleet operator.</param>
/// <param name="Commitment">In a committed-offer market, the hash the terms are revealed against; otherwise null.</param>
/// <param name="Terms">What is offered (who, when, where, which way, how much); null until a committed offer is revealed.</param>
/// <param name="AskingPrice">The lowest acceptable bid, in token base units (zero until a committed offer is revealed).</param>
/// <param name="Penalty">What the fleet operator puts at stake, in token base units (zero until revealed).</param>
/// <param name="Status">Open, contracted or expired.</param>
/// <param name="BestBidder">The winning bidder so far (zero without bids).</param>
/// <param name="BestPrice">The winning bid so far.</param>
/// <param name="Bids">How many bids were made.</param>
public sealed record FlexibilityOffer(long OfferId, long Round, Address FleetOperator, Hash32? Commitment, OfferTerms? Terms, UInt256 AskingPrice, UInt256 Penalty, OfferStatus Status, Address BestBidder, UInt256 BestPrice, int Bids);
