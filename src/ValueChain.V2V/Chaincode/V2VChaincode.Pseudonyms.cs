using ValueChain.Ledger;

namespace ValueChain.V2V;

public sealed partial class V2VChaincode
{
    private async Task<string?> CertifyAsync(ChaincodeState state, CertifyArgs args)
    {
        if (state.Context.Caller != _options.Issuer)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the enrolment issuer {_options.Issuer} certifies trip addresses, not {state.Context.Caller}.");
        }

        if (args.Pseudonym.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A certificate needs the trip address it certifies, not the zero address.");
        }

        TimeSpan length = args.ValidUntil - args.ValidFrom;
        if (length <= TimeSpan.Zero || length > _options.MaxCertificateValidity || args.ValidFrom.Ticks % TimeSpan.TicksPerSecond != 0 || args.ValidUntil.Ticks % TimeSpan.TicksPerSecond != 0
            || args.ValidFrom < DateTimeOffset.UnixEpoch)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"A certificate's window is whole seconds after 1970, ends after it starts and lasts at most {_options.MaxCertificateValidity}; {args.ValidFrom:O} to {args.ValidUntil:O} does not.");
        }

        if (await state.ExistsAsync(V2VKeys.Certificate(args.Pseudonym)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Pseudonym} is already certified: a trip address is certified once.");
        }

        var certificate = new PseudonymCertificate(args.Pseudonym, args.ValidFrom.ToUniversalTime(), args.ValidUntil.ToUniversalTime(), false);
        await state.PutAsync(V2VKeys.Certificate(args.Pseudonym), certificate, Json.PseudonymCertificate);
        state.Emit(V2VEvents.CertificateIssued, certificate, Json.PseudonymCertificate);
        return null;
    }

    private async Task<string?> ExcludeAsync(ChaincodeState state, Address pseudonym)
    {
        RequireAuthority(state);
        PseudonymCertificate certificate = await state.GetAsync(V2VKeys.Certificate(pseudonym), Json.PseudonymCertificate)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{pseudonym} has no certificate to exclude.");
        if (certificate.Excluded)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{pseudonym} is already excluded.");
        }

        certificate = certificate with { Excluded = true };
        await state.PutAsync(V2VKeys.Certificate(pseudonym), certificate, Json.PseudonymCertificate);
        state.Emit(V2VEvents.PseudonymExcluded, certificate, Json.PseudonymCertificate);
        return null;
    }

    private void RequireAuthority(ChaincodeState state)
    {
        if (!_authorities.Contains(state.Context.Caller))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{state.Context.Caller} is not an authority of the obstacle map.");
        }
    }

    /// <summary>The certificate of <paramref name="pseudonym"/>, valid now, whose window holds <paramref name="detectedAt"/>.</summary>
    private static async Task<PseudonymCertificate> RequireCertifiedAsync(ChaincodeState state, Address pseudonym, DateTimeOffset detectedAt)
    {
        PseudonymCertificate certificate = await state.GetAsync(V2VKeys.Certificate(pseudonym), Json.PseudonymCertificate)
            ?? throw new ChaincodeException(V2VErrorCodes.UnknownPseudonym, $"{pseudonym} has no certificate from the enrolment issuer.");
        DateTimeOffset now = state.Context.Timestamp;
        if (certificate.Excluded)
        {
            throw new ChaincodeException(V2VErrorCodes.PseudonymExcluded, $"{pseudonym} was excluded by an authority.");
        }

        if (now < certificate.ValidFrom || now > certificate.ValidUntil)
        {
            throw new ChaincodeException(V2VErrorCodes.PseudonymExpired, $"{pseudonym}'s certificate covers {certificate.ValidFrom:O} to {certificate.ValidUntil:O}, not the ledger time {now:O}.");
        }

        if (detectedAt < certificate.ValidFrom || detectedAt > certificate.ValidUntil)
        {
            throw new ChaincodeException(V2VErrorCodes.OutsideCertificateWindow, $"The report was detected at {detectedAt:O}, outside {pseudonym}'s certificate window {certificate.ValidFrom:O} to {certificate.ValidUntil:O}.");
        }

        return certificate;
    }

    private static async Task<bool> IsCertifiedAtAsync(ChaincodeState state, Address pseudonym, DateTimeOffset time) =>
        await state.GetAsync(V2VKeys.Certificate(pseudonym), Json.PseudonymCertificate) is { } certificate && certificate.IsValidAt(time);

    private static async Task<Reputation> ReputationAsync(ChaincodeState state, Address pseudonym) =>
        await state.GetAsync(V2VKeys.Reputation(pseudonym), Json.Reputation) ?? Reputation.Initial(pseudonym);

    private async Task AdjustReputationAsync(ChaincodeState state, Address pseudonym, int confirmations, int expired, int contradicted)
    {
        Reputation current = await ReputationAsync(state, pseudonym);
        Reputation updated = ReputationRules.Apply(current, confirmations, expired, contradicted, _options);
        await state.PutAsync(V2VKeys.Reputation(pseudonym), updated, Json.Reputation);
    }
}
