namespace ValueChain.V2V.Interop;

// Every ASN.1 constraint of the DENM fields this SDK models, naming the field by its JSON path.
internal static class DenmValidator
{
    public static void Validate(Denm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        if (denm.Header.ProtocolVersion is not (1 or 2))
        {
            throw new ValueChainFormatException("header.protocolVersion", denm.Header.ProtocolVersion.ToString(), "this SDK reads DENM protocol versions 1 and 2 (EN 302 637-3 v1.2.1 and v1.3.1)");
        }

        if (denm.Header.MessageId != 1)
        {
            throw new ValueChainFormatException("header.messageID", denm.Header.MessageId.ToString(), "a DENM has message id 1 (denm)");
        }

        EtsiChecks.StationId("header.stationID", denm.Header.StationId);
        DenmManagementContainer m = denm.Body.Management;
        EtsiChecks.StationId("denm.management.actionID.originatingStationID", m.ActionId.OriginatingStationId);
        EtsiChecks.Range("denm.management.actionID.sequenceNumber", m.ActionId.SequenceNumber, 0, ushort.MaxValue);
        EtsiChecks.Timestamp("denm.management.detectionTime", m.DetectionTime);
        EtsiChecks.Timestamp("denm.management.referenceTime", m.ReferenceTime);
        if (m.Termination is { } termination)
        {
            EtsiChecks.Defined("denm.management.termination", termination);
        }

        EtsiChecks.ReferencePosition("denm.management.eventPosition", m.EventPosition);
        EtsiChecks.Range("denm.management.validityDuration", m.ValidityDuration, 0, 86_400);
        EtsiChecks.Range("denm.management.stationType", m.StationType, 0, 255);
        if (denm.Body.Situation is { } situation)
        {
            EtsiChecks.Range("denm.situation.informationQuality", situation.InformationQuality, 0, 7);
            EtsiChecks.Range("denm.situation.eventType.causeCode", situation.EventType.Code, 0, 255);
            EtsiChecks.Range("denm.situation.eventType.subCauseCode", situation.EventType.SubCauseCode, 0, 255);
        }

        if (denm.Body.Location is { } location)
        {
            Location(location);
        }
    }

    private static void Location(DenmLocationContainer location)
    {
        if (location.EventSpeed is { } speed)
        {
            EtsiChecks.Speed("denm.location.eventSpeed", speed);
        }

        if (location.EventPositionHeading is { } heading)
        {
            EtsiChecks.Range("denm.location.eventPositionHeading.headingValue", heading.HeadingValue, 0, EtsiUnits.AngleUnavailable);
            EtsiChecks.Range("denm.location.eventPositionHeading.headingConfidence", heading.HeadingConfidence, 1, 127);
        }

        EtsiChecks.Range("denm.location.traces", location.Traces.Count, 1, 7);
        for (int t = 0; t < location.Traces.Count; t++)
        {
            IReadOnlyList<PathPoint> history = location.Traces[t];
            EtsiChecks.Range($"denm.location.traces[{t}]", history.Count, 0, 40);
            for (int p = 0; p < history.Count; p++)
            {
                string field = $"denm.location.traces[{t}][{p}]";
                DeltaReferencePosition delta = history[p].PathPosition;
                EtsiChecks.Range(field + ".pathPosition.deltaLatitude", delta.DeltaLatitude, -131_071, 131_072);
                EtsiChecks.Range(field + ".pathPosition.deltaLongitude", delta.DeltaLongitude, -131_071, 131_072);
                EtsiChecks.Range(field + ".pathPosition.deltaAltitude", delta.DeltaAltitude, -12_700, 12_800);
                if (history[p].PathDeltaTime is { } time)
                {
                    EtsiChecks.Range(field + ".pathDeltaTime", time, 1, 65_535);
                }
            }
        }
    }
}
