package io.recruitflow.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Every operation of the GraphQL schema, as tests can send it: for each Query, Mutation and
 * Subscription field, a document with one variable per argument and a small selection. Built from
 * the schema the app runs with, so that a new operation is covered by every suite that iterates
 * over these without anyone listing it.
 */
public final class SchemaOperations {

	public enum Kind {

		QUERY, MUTATION, SUBSCRIPTION;

		String keyword() {
			return name().toLowerCase();
		}

	}

	/** One root field of the schema. */
	public record Field(Kind kind, GraphQLFieldDefinition definition) {

		public String name() {
			return this.definition.getName();
		}

		@Override
		public String toString() {
			return this.kind.keyword() + " " + name();
		}

	}

	/** A ready-to-send request. */
	public record Operation(Field field, String document, Map<String, Object> variables) {

		public Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", this.document);
			body.put("variables", this.variables);
			return body;
		}

	}

	/**
	 * An argument, or a field inside an input argument, whose type is ID.
	 *
	 * @param path where it is, e.g. {@code id}, {@code input.trigger.ctaId}, {@code inputs[].ctaId}
	 * @param name the argument's or input field's own name
	 * @param topLevel whether it is an argument of the operation itself (rather than inside an input)
	 */
	public record IdArgument(String path, String name, boolean topLevel) {
	}

	private static final int MAX_INPUT_DEPTH = 6;

	private final GraphQLSchema schema;

	public SchemaOperations(GraphQLSchema schema) {
		this.schema = schema;
	}

	public List<Field> fields(Kind kind) {
		GraphQLObjectType root = switch (kind) {
			case QUERY -> this.schema.getQueryType();
			case MUTATION -> this.schema.getMutationType();
			case SUBSCRIPTION -> this.schema.getSubscriptionType();
		};
		if (root == null) {
			return List.of();
		}
		return root.getFieldDefinitions().stream().map(definition -> new Field(kind, definition)).toList();
	}

	public List<Field> allFields() {
		List<Field> all = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			all.addAll(fields(kind));
		}
		return all;
	}

	/** The operation with every required argument filled with a dummy value of its type, selecting __typename. */
	public Operation minimal(Field field) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (GraphQLArgument argument : field.definition().getArguments()) {
			if (GraphQLTypeUtil.isNonNull(argument.getType())) {
				variables.put(argument.getName(), dummy(argument.getType(), 0));
			}
		}
		return operation(field, variables, typenameSelection(field));
	}

	/**
	 * An operation passing exactly these argument values (as variables); {@code selection} is the
	 * text after the field, e.g. {@code { id }}, or empty for a scalar result.
	 */
	public Operation operation(Field field, Map<String, Object> arguments, String selection) {
		StringJoiner declarations = new StringJoiner(", ", "(", ")").setEmptyValue("");
		StringJoiner passed = new StringJoiner(", ", "(", ")").setEmptyValue("");
		for (GraphQLArgument argument : field.definition().getArguments()) {
			if (arguments.containsKey(argument.getName())) {
				declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
				passed.add(argument.getName() + ": $" + argument.getName());
			}
		}
		String document = field.kind().keyword() + " Probe" + declarations + " { " + field.name() + passed
				+ (selection.isEmpty() ? "" : " " + selection) + " }";
		return new Operation(field, document, arguments);
	}

	/** {@code { __typename }} for object results, nothing for scalars and enums. */
	public String typenameSelection(Field field) {
		return isComposite(field.definition().getType()) ? "{ __typename }" : "";
	}

	/**
	 * The result's own scalar fields that take no required argument, e.g. {@code { __typename id
	 * name }}: enough to see what an operation answered without following references.
	 */
	public String scalarSelection(Field field) {
		GraphQLType type = GraphQLTypeUtil.unwrapAll(field.definition().getType());
		if (!(type instanceof GraphQLFieldsContainer container)) {
			return "";
		}
		StringJoiner fields = new StringJoiner(" ", "{ __typename ", " }").setEmptyValue("{ __typename }");
		for (GraphQLFieldDefinition child : container.getFieldDefinitions()) {
			if (!isComposite(child.getType()) && child.getArguments().stream().noneMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()))) {
				fields.add(child.getName());
			}
		}
		return fields.toString();
	}

	/**
	 * Every {@code id} reachable from the result, following object fields that take no required
	 * argument, down to {@code depth} levels: what a response could leak.
	 */
	public String idSelection(Field field, int depth) {
		GraphQLType type = GraphQLTypeUtil.unwrapAll(field.definition().getType());
		return type instanceof GraphQLFieldsContainer container ? idSelection(container, depth) : "";
	}

	private String idSelection(GraphQLFieldsContainer container, int depth) {
		StringJoiner fields = new StringJoiner(" ", "{ ", " }");
		fields.add("__typename");
		for (GraphQLFieldDefinition child : container.getFieldDefinitions()) {
			if (child.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()))) {
				continue;
			}
			GraphQLType childType = GraphQLTypeUtil.unwrapAll(child.getType());
			if (childType instanceof GraphQLScalarType scalar && scalar.getName().equals(Scalars.GraphQLID.getName())) {
				fields.add(child.getName());
			}
			else if (childType instanceof GraphQLFieldsContainer nested && depth > 1) {
				fields.add(child.getName() + " " + idSelection(nested, depth - 1));
			}
		}
		return fields.toString();
	}

	/** Every ID among the operation's arguments, at any depth inside input objects and lists. */
	public List<IdArgument> idArguments(Field field) {
		List<IdArgument> found = new ArrayList<>();
		for (GraphQLArgument argument : field.definition().getArguments()) {
			collectIds(argument.getName(), argument.getName(), argument.getType(), true, found, 0);
		}
		return found;
	}

	private void collectIds(String path, String name, GraphQLInputType type, boolean topLevel, List<IdArgument> found,
			int depth) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list) {
			collectIds(path + "[]", name, (GraphQLInputType) list.getWrappedType(), topLevel, found, depth);
		}
		else if (unwrapped instanceof GraphQLScalarType scalar && scalar.getName().equals(Scalars.GraphQLID.getName())) {
			found.add(new IdArgument(path, name, topLevel));
		}
		else if (unwrapped instanceof GraphQLInputObjectType input && depth < MAX_INPUT_DEPTH) {
			for (GraphQLInputObjectField child : input.getFieldDefinitions()) {
				collectIds(path + "." + child.getName(), child.getName(), child.getType(), false, found, depth + 1);
			}
		}
	}

	/** The name of the input object type an argument takes (through lists and non-null), or null. */
	public static String inputTypeName(GraphQLArgument argument) {
		return GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLInputObjectType input ? input.getName()
				: null;
	}

	/** A value of the type: required input fields filled recursively, lists of one element. */
	public static Object dummy(GraphQLInputType type, int depth) {
		return dummy(type, depth, (name, scalar) -> null);
	}

	/**
	 * As {@link #dummy(GraphQLInputType, int)}, with {@code override} deciding a scalar input
	 * field's value by name first (null: the default dummy).
	 */
	public static Object dummy(GraphQLInputType type, int depth, BiFunction<String, GraphQLScalarType, Object> override) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list) {
			return List.of(dummy((GraphQLInputType) list.getWrappedType(), depth, override));
		}
		if (unwrapped instanceof GraphQLEnumType enumType) {
			return enumType.getValues().getFirst().getName();
		}
		if (unwrapped instanceof GraphQLInputObjectType input) {
			Map<String, Object> value = new LinkedHashMap<>();
			if (depth < MAX_INPUT_DEPTH) {
				for (GraphQLInputObjectField child : input.getFieldDefinitions()) {
					if (GraphQLTypeUtil.isNonNull(child.getType())) {
						Object chosen = GraphQLTypeUtil.unwrapNonNull(child.getType()) instanceof GraphQLScalarType scalar
								? override.apply(child.getName(), scalar) : null;
						value.put(child.getName(), chosen != null ? chosen : dummy(child.getType(), depth + 1, override));
					}
				}
			}
			return value;
		}
		if (unwrapped instanceof GraphQLScalarType scalar) {
			return switch (scalar.getName()) {
				case "ID" -> "5f5f5f5f5f5f5f5f5f5f5f5f";
				case "String" -> "x";
				case "Int" -> 1;
				case "Float" -> 1.0;
				case "Boolean" -> true;
				case "DateTime" -> "2026-01-01T00:00:00Z";
				default -> throw new IllegalStateException("No dummy value for the scalar " + scalar.getName()
						+ ": add one to SchemaOperations.dummy");
			};
		}
		throw new IllegalStateException("No dummy value for " + GraphQLTypeUtil.simplePrint(type));
	}

	private static boolean isComposite(GraphQLOutputType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLFieldsContainer
				|| GraphQLTypeUtil.unwrapAll(type) instanceof graphql.schema.GraphQLUnionType;
	}

}
