namespace ValueChain.Flexibility;

/// <summary>The life of an offer.</summary>
public enum OfferStatus
{
    /// <summary>Made in this round's offering stage; open for bids.</summary>
    Open = 1,

    /// <summary>Its payment contract holds the winning bid and the penalty.</summary>
    Contracted = 2,

    /// <summary>No bid came; nothing happens.</summary>
    Expired = 3,
}
