using ValueChain.Cryptography;

namespace ValueChain.V2V;

/// <summary>
/// The enrolment issuer's service: it alone knows which enrolled vehicle holds which trip address. It certifies a
/// vehicle's next trip on the ledger only when the vehicle holds no other certificate valid in that window and none of
/// its trips was excluded by an authority, and it discloses, signed, the vehicle behind a pseudonym it certified.
/// </summary>
public sealed class EnrolmentIssuer
{
    private readonly IV2VContract _map;
    private readonly EthereumSigner _issuer;
    private readonly Dictionary<Address, List<PseudonymCertificate>> _tripsByVehicle = [];
    private readonly Dictionary<Address, Address> _vehicleByTrip = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the service signing as the deployment's issuer.</summary>
    public EnrolmentIssuer(IV2VContract map, EthereumSigner issuer)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(issuer);
        _map = map;
        _issuer = issuer;
    }

    /// <summary>The issuer's address.</summary>
    public Address Address => _issuer.Address;

    /// <summary>Certifies <paramref name="trip"/> for <paramref name="vehicle"/> from <paramref name="validFrom"/> to <paramref name="validUntil"/>.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.Conflict"/> when the vehicle holds another certificate in that window; <see cref="V2VErrorCodes.PseudonymExcluded"/> when one of its trips was excluded.</exception>
    public async Task<V2VReceipt> CertifyTripAsync(Address vehicle, Address trip, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken cancellationToken = default)
    {
        List<PseudonymCertificate> held;
        lock (_gate)
        {
            held = [.. _tripsByVehicle.GetValueOrDefault(vehicle) ?? []];
        }

        foreach (PseudonymCertificate certificate in held)
        {
            if ((await _map.GetCertificateAsync(certificate.Pseudonym, cancellationToken).ConfigureAwait(false))?.Excluded == true)
            {
                throw new ChaincodeException(V2VErrorCodes.PseudonymExcluded, $"Vehicle {vehicle}'s trip {certificate.Pseudonym} was excluded by an authority: the issuer certifies it no more.");
            }

            if (certificate.ValidFrom <= validUntil && validFrom <= certificate.ValidUntil)
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Vehicle {vehicle} already holds {certificate.Pseudonym}, valid {certificate.ValidFrom:O} to {certificate.ValidUntil:O}: at most one certificate is valid at any time.");
            }
        }

        V2VReceipt receipt = await _map.CertifyAsync(_issuer, trip, validFrom, validUntil, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_tripsByVehicle.TryGetValue(vehicle, out List<PseudonymCertificate>? trips))
            {
                _tripsByVehicle[vehicle] = trips = [];
            }

            trips.Add(new PseudonymCertificate(trip, validFrom, validUntil, false));
            _vehicleByTrip[trip] = vehicle;
        }

        return receipt;
    }

    /// <summary>The vehicle behind <paramref name="trip"/>, signed by the issuer, for an authority; null when the issuer did not certify it.</summary>
    public IssuerDisclosure? Disclose(Address trip)
    {
        Address vehicle;
        lock (_gate)
        {
            if (!_vehicleByTrip.TryGetValue(trip, out vehicle))
            {
                return null;
            }
        }

        return new IssuerDisclosure(Address, vehicle, trip, _issuer.Sign(IssuerDisclosure.Digest(vehicle, trip)));
    }
}
