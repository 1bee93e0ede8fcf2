import { Fragment } from 'react';
import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SmsEncoding } from '../gql/graphql';
import { ENCODING_LABEL, plural, showCharacter } from './smsFormat';

export interface Measure {
  encoding: SmsEncoding;
  characters: number;
  segments: number;
  credits: number;
  unicodeCharacters: ReadonlyArray<string>;
  maxCharacters: number;
  remainingInSegment: number;
}

/** Characters, segments, encoding and credits of the body as written, updated as the recruiter types. */
export function SmsCounter({ measure, stale }: { measure: Measure | null | undefined; stale: boolean }) {
  if (!measure) {
    return (
      <Text size="xs" c="dimmed" data-testid="sms-counter">
        0 characters · 0 segments
      </Text>
    );
  }
  const over = measure.characters > measure.maxCharacters;
  const ucs2 = measure.encoding === 'UCS_2';
  const items = [
    <Text key="chars" span inherit c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
      {measure.characters.toLocaleString('en')} / {measure.maxCharacters.toLocaleString('en')} characters
    </Text>,
    <Text key="segments" span inherit>
      {plural(measure.segments, 'segment')}
    </Text>,
    <Text key="encoding" span inherit c={ucs2 ? 'yellow.8' : undefined} fw={ucs2 ? 600 : undefined}>
      {ENCODING_LABEL[measure.encoding]}
    </Text>,
    <Text key="credits" span inherit>
      {plural(measure.credits, 'credit')} per message
    </Text>,
  ];
  return (
    <Stack gap={2} data-testid="sms-counter" aria-live="polite" style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}>
      <Group
gap={6} wrap="wrap" style={{ rowGap: 2 }}>
        {items.map((item, i) => (
          // Each separator stays with the item after it, so lines never end in a dangling dot.
          <Text key={i} size="xs" style={{ whiteSpace: 'nowrap' }}>
            {i > 0 && (
              <Text span c="dimmed" inherit mr={6}>
                ·
              </Text>
            )}
            {item}
          </Text>
        ))}
      </Group>
      {!over && measure.characters > 0 && (
        <Text size="xs" c="dimmed" data-testid="remaining-in-segment">
          {plural(measure.remainingInSegment, 'character')} left in this segment
        </Text>
      )}
    </Stack>
  );
}

/** The yellow warning shown as soon as one character switches the message to UCS-2. */
export function Ucs2Warning({ characters }: { characters: ReadonlyArray<string> }) {
  const one = characters.length === 1;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="This message will be sent as UCS-2" data-testid="ucs2-warning">
      <Text size="sm">
        Because of {one ? 'this character' : 'these characters'}{' '}
        {characters.map((c, i) => (
          <Fragment key={c}>
            {i > 0 && ' '}
            <Code fz="sm" data-testid="ucs2-character">
              {showCharacter(c)}
            </Code>
          </Fragment>
        ))}
        , which {one ? 'is' : 'are'} not in the GSM-7 alphabet, each SMS holds 70 characters instead of 160 (67 instead of 153
        when split) and the message may cost more credits. Replace {one ? 'it' : 'them'} to send as GSM-7.
      </Text>
    </Alert>
  );
}
