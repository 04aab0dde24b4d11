namespace ValueChain.Flexibility;

/// <summary>Why a payment request's energy transfer record is refused, in the order the checks run.</summary>
public enum EtrRejection
{
    /// <summary>1. The caller is not the offer's fleet operator.</summary>
    NotFleetOperator = 1,

    /// <summary>2. The signature is malformed or does not verify.</summary>
    InvalidSignature = 2,

    /// <summary>3. The signer is not a whitelisted smart meter.</summary>
    MeterNotWhitelisted = 3,

    /// <summary>4. The meter already used this nonce on this market.</summary>
    NonceReplayed = 4,

    /// <summary>5a. The record's delivery date is not the offer's.</summary>
    DeliveryDateMismatch = 5,

    /// <summary>5b. The record's start slot is not the offer's.</summary>
    StartSlotMismatch = 6,

    /// <summary>5c. The record's location is not the offer's.</summary>
    LocationMismatch = 7,

    /// <summary>5d. The record's direction is not the offer's.</summary>
    DirectionMismatch = 8,

    /// <summary>5e. The record is for another fleet operator.</summary>
    FleetOperatorMismatch = 9,

    /// <summary>6. An OCMF record's readings give no whole, non-negative energy in watt-hours.</summary>
    InvalidReadings = 10,
}
