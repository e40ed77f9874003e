import { useRef, useState } from 'react';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  description?: string;
  testId?: string;
}

/** A read-only value (one-time link, API key) with a copy button that also works without clipboard access. */
export function CopyField({ label, value, description, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      window.setTimeout(() => setState('idle'), 2500);
    } catch {
      // Clipboard access needs HTTPS or localhost; select the text so the person can copy it themselves.
      input.current?.select();
      setState('failed');
    }
  }

  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          ref={input}
          label={label}
          description={description}
          value={value}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1 }}
          styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } }}
          data-testid={testId}
        />
        <Button
          variant={state === 'copied' ? 'light' : 'filled'}
          color={state === 'copied' ? 'green' : undefined}
          leftSection={state === 'copied' ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          onClick={copy}
          data-testid={testId ? `${testId}-copy` : undefined}
        >
          {state === 'copied' ? t('actions.copied') : t('actions.copy')}
        </Button>
      </Group>
      <Text size="sm" role="status" aria-live="polite" mt={4} c={state === 'failed' ? 'red.7' : undefined}>
        {state === 'failed' ? t('copy.failed') : ''}
      </Text>
    </div>
  );
}
