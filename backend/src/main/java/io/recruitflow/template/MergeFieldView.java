package io.recruitflow.template;

public record MergeFieldView(String token, String description, String example) {
}
