using System.Numerics;

namespace ValueChain.Procurement;

/// <summary>
/// The input rules of the marketplace, one place for the chaincode and the client: every failure is a
/// <see cref="ChaincodeException"/> with <see cref="ErrorCodes.InvalidFormat"/> whose message starts with the
/// field's name (as it appears in the JSON arguments), so a caller can tell which input was wrong.
/// </summary>
public static class ProcurementValidation
{
    /// <summary>The most units one order, slot or installation may hold (so that every quantity fits a uint64 and a total fits the token).</summary>
    public const long MaxQuantity = 1_000_000_000_000;

    /// <summary>The longest a description may be.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>True for an id (company, machine, material, order, service) of 1 to 64 printable characters.</summary>
    public static bool IsValidId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 64 && !id.Any(char.IsControl) && !id.Any(char.IsWhiteSpace);

    /// <summary>True for a name of 1 to 200 UTF-8 bytes that is not only spaces, tabs and line breaks (the membership block's rule for names).</summary>
    public static bool IsValidName(string? name) =>
        name is not null && System.Text.Encoding.UTF8.GetByteCount(name) is > 0 and <= 200 && name.Any(c => c is not (' ' or '\t' or '\r' or '\n'));

    /// <summary>Throws unless <paramref name="id"/> is a valid id.</summary>
    /// <exception cref="ChaincodeException">The id is malformed.</exception>
    public static void RequireId(string? id, string field)
    {
        if (!IsValidId(id))
        {
            throw Invalid(field, $"'{id}' is not an id: use 1 to 64 printable characters without spaces.");
        }
    }

    /// <summary>Throws unless <paramref name="quantity"/> is 1 to <see cref="MaxQuantity"/>.</summary>
    /// <exception cref="ChaincodeException">The quantity is zero, negative or too large.</exception>
    public static void RequireQuantity(long quantity, string field)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            throw Invalid(field, $"{quantity} is not a quantity: use 1 to {MaxQuantity}.");
        }
    }

    /// <summary>Throws unless the terms are complete and consistent.</summary>
    /// <exception cref="ChaincodeException">A field is missing or out of range; the message names it.</exception>
    public static void RequireTerms(QuotationTerms? terms)
    {
        if (terms is null)
        {
            throw Invalid("terms", "a quotation needs its terms.");
        }

        RequireId(terms.MaterialNumber, "materialNumber");
        if (terms.PricePerUnit.IsZero)
        {
            throw Invalid("pricePerUnit", "a price must be above zero.");
        }

        if (terms.ValidUntil <= terms.ValidFrom)
        {
            throw Invalid("validUntil", $"{terms.ValidUntil:O} must be after validFrom {terms.ValidFrom:O}.");
        }

        if (terms.DeliveryTime <= TimeSpan.Zero || terms.DeliveryTime.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Invalid("deliveryTime", $"{terms.DeliveryTime} must be whole seconds above zero.");
        }
    }

    /// <summary>Price × quantity, or a failure naming the price when it passes the token's range (2^256 − 1).</summary>
    /// <exception cref="ChaincodeException">The total does not fit the token.</exception>
    public static UInt256 Total(UInt256 pricePerUnit, long quantity)
    {
        BigInteger total = pricePerUnit.Value * quantity;
        return total <= UInt256.MaxValue.Value
            ? new UInt256(total)
            : throw Invalid("pricePerUnit", $"{pricePerUnit} × {quantity} passes the token's range of 2^256 - 1.");
    }

    /// <summary>Throws unless the registration is complete: a machine id, a key, 1 to 32 slots each material once with 0 ≤ threshold &lt; capacity and stock ≤ capacity, and a maintenance interval of whole seconds above zero.</summary>
    /// <exception cref="ChaincodeException">A field is missing or out of range; the message names it.</exception>
    public static void RequireRegistration(MachineRegistration? registration)
    {
        if (registration is null)
        {
            throw Invalid("registration", "a machine needs its registration.");
        }

        RequireId(registration.MachineId, "machineId");
        if (registration.Address.IsZero)
        {
            throw Invalid("address", "a machine needs its own key's address.");
        }

        if (registration.Slots is null || registration.Slots.Count is 0 or > 32)
        {
            throw Invalid("slots", "a machine has 1 to 32 material slots.");
        }

        var materials = new HashSet<string>(StringComparer.Ordinal);
        foreach (MaterialSlot slot in registration.Slots)
        {
            if (slot is null)
            {
                throw Invalid("slots", "a slot is missing.");
            }

            RequireId(slot.MaterialNumber, "slots.materialNumber");
            if (!materials.Add(slot.MaterialNumber))
            {
                throw Invalid("slots.materialNumber", $"'{slot.MaterialNumber}' has two slots; give each material one.");
            }

            RequireQuantity(slot.Capacity, "slots.capacity");
            if (slot.Stock < 0 || slot.Stock > slot.Capacity)
            {
                throw Invalid("slots.stock", $"{slot.Stock} must be 0 to the capacity {slot.Capacity}.");
            }

            if (slot.ReorderThreshold < 0 || slot.ReorderThreshold >= slot.Capacity)
            {
                throw Invalid("slots.reorderThreshold", $"{slot.ReorderThreshold} must be 0 to below the capacity {slot.Capacity}.");
            }
        }

        if (registration.MaintenanceInterval <= TimeSpan.Zero || registration.MaintenanceInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Invalid("maintenanceInterval", $"{registration.MaintenanceInterval} must be whole seconds above zero.");
        }
    }

    /// <summary>Throws unless the record is complete: a machine id, an optional service id, a description of 1 to 1000 characters, each material installed at most once with a quantity.</summary>
    /// <exception cref="ChaincodeException">A field is missing or out of range; the message names it.</exception>
    public static void RequireRecord(MaintenanceRecord? record)
    {
        if (record is null)
        {
            throw Invalid("record", "a maintenance entry needs its record.");
        }

        RequireId(record.MachineId, "machineId");
        if (record.ServiceId is not null)
        {
            RequireId(record.ServiceId, "serviceId");
        }

        if (string.IsNullOrWhiteSpace(record.Description) || record.Description.Length > MaxDescriptionLength)
        {
            throw Invalid("description", $"describe the service in 1 to {MaxDescriptionLength} characters.");
        }

        if (record.Installed is null || record.Installed.Count > 32)
        {
            throw Invalid("installed", "list 0 to 32 installed materials.");
        }

        var materials = new HashSet<string>(StringComparer.Ordinal);
        foreach (InstalledMaterial installed in record.Installed)
        {
            if (installed is null)
            {
                throw Invalid("installed", "an installed material is missing.");
            }

            RequireId(installed.MaterialNumber, "installed.materialNumber");
            if (!materials.Add(installed.MaterialNumber))
            {
                throw Invalid("installed.materialNumber", $"'{installed.MaterialNumber}' is listed twice; give its total once.");
            }

            RequireQuantity(installed.Quantity, "installed.quantity");
        }
    }

    /// <summary>A failure with <see cref="ErrorCodes.InvalidFormat"/> whose message starts with <paramref name="field"/>.</summary>
    public static ChaincodeException Invalid(string field, string reason) => new(ErrorCodes.InvalidFormat, $"{field}: {reason}");
}
