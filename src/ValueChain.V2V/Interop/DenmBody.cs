namespace ValueChain.V2V.Interop;

/// <summary>The <c>DecentralizedEnvironmentalNotificationMessage</c>: its containers (the à-la-carte container is not read or written).</summary>
/// <param name="Management">What, when, where and how long: always present.</param>
/// <param name="Situation">The event's type and information quality (present in every DENM this SDK writes).</param>
/// <param name="Location">The event's speed and heading (written for moving obstacles) and its traces.</param>
public sealed record DenmBody(DenmManagementContainer Management, DenmSituationContainer? Situation = null, DenmLocationContainer? Location = null);
