package io.cordon.account.service.detection;

/** The Standard Webhooks headers of a request, each null when absent. */
public record WebhookHeaders(String id, String timestamp, String signature) {}
