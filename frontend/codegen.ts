import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDL in ../schema is the single source of truth; generated code in src/gql is never edited by hand.
const config: CodegenConfig = {
  schema: '../schema/*.graphqls',
  // Operations sit next to the components using them; tests bring their own documents.
  documents: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/test/**/*', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        scalars: { DateTime: 'string' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
