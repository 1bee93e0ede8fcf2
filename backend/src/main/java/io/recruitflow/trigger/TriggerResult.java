package io.recruitflow.trigger;

record TriggerResult(String eventId, TriggerReceipt receipt, String error, String errorClassification) {
}
