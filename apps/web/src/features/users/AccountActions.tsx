import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LinkResponse, UserView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { useSession } from '../../app/session';
import { isInFuture } from '../../lib/format';
import { useDialog } from '../../lib/useDialog';
import { useFormState } from '../../lib/useFormState';
import { requiredText } from '../../lib/validation';
import { useResetPassword, useUnlockUser, useUpdateUser } from './api';
import { LinkResult } from '../../components/LinkResult';

/** What an administrator can do with an account: rename, new link, unlock, disable or enable. */
export function AccountActions({ user }: { user: UserView }) {
  const { t } = useTranslation(['users', 'common']);
  const session = useSession();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const rename = useDialog<true>();
  const disable = useDialog<true>();
  const linkDialog = useDialog<LinkResponse>();
  const [linkError, setLinkError] = useState<string | null>(null);
  const isSelf = user.id === session.user.id;
  const locked = isInFuture(user.lockedUntil);

  function createLink(trigger: HTMLElement) {
    setLinkError(null);
    reset.mutate(user.id, { onSuccess: (r) => linkDialog.open(r, trigger), onError: (e) => setLinkError(e.message) });
  }

  function setStatus(status: 'active' | 'disabled') {
    update.mutate(
      { id: user.id, body: { status }, version: user.rowVersion },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(status === 'active' ? 'users:account.enabled' : 'users:account.disabled', { name: user.name }),
          });
          disable.close();
        },
        onError: (e) => {
          if (status === 'active') notifications.show({ color: 'red', message: e.message });
        },
      },
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={(e) => rename.open(true, e.currentTarget)}
          data-testid="rename-user"
        >
          {t('users:account.rename')}
        </Button>
        {user.status !== 'disabled' && (
          <Button
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            onClick={(e) => createLink(e.currentTarget)}
            loading={reset.isPending}
            data-testid="reset-password"
          >
            {user.status === 'invited' ? t('users:account.newInvitation') : t('users:account.resetPassword')}
          </Button>
        )}
        {locked && (
          <Button
            variant="default"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={unlock.isPending}
            onClick={() =>
              unlock.mutate(user.id, {
                onSuccess: () => notifications.show({ color: 'green', message: t('users:account.unlocked', { name: user.name }) }),
                onError: (e) => notifications.show({ color: 'red', message: e.message }),
              })
            }
            data-testid="unlock-user"
          >
            {t('users:account.unlock')}
          </Button>
        )}
        {user.status === 'disabled' ? (
          <Button
            variant="default"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            onClick={() => setStatus('active')}
            loading={update.isPending}
            data-testid="enable-user"
          >
            {t('users:account.enable')}
          </Button>
        ) : (
          !isSelf && (
            <Button
              variant="outline"
              color="red"
              leftSection={<IconUserOff size={16} aria-hidden />}
              onClick={(e) => {
                update.reset();
                disable.open(true, e.currentTarget);
              }}
              data-testid="disable-user"
            >
              {t('users:account.disable')}
            </Button>
          )
        )}
      </Group>
      <FormAlert message={linkError} />

      <AppModal opened={rename.opened} onClose={rename.close} title={t('users:account.renameTitle')} size="md">
        <RenameForm key={rename.key} user={user} onClose={rename.close} />
      </AppModal>
      <AppModal
        opened={linkDialog.opened}
        onClose={linkDialog.close}
        title={user.status === 'invited' ? t('users:account.newInvitation') : t('users:account.resetPassword')}
      >
        {linkDialog.value && (
          <Stack gap="md">
            <LinkResult
              link={linkDialog.value.link}
              mailed={linkDialog.value.mailed}
              email={user.email}
              lead={
                user.status === 'invited'
                  ? t('users:account.invitationLead', { name: user.name })
                  : t('users:account.resetLead', { name: user.name })
              }
            />
            <Group justify="flex-end">
              <Button onClick={linkDialog.close}>{t('common:actions.done')}</Button>
            </Group>
          </Stack>
        )}
      </AppModal>
      <ConfirmDialog
        opened={disable.opened}
        onClose={disable.close}
        title={t('users:account.disableTitle', { name: user.name })}
        message={t('users:account.disableText')}
        confirmLabel={t('users:account.disable')}
        danger
        loading={update.isPending}
        error={update.error?.message}
        onConfirm={() => setStatus('disabled')}
      />
    </Stack>
  );
}

function RenameForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const update = useUpdateUser();
  const form = useFormState({ name: user.name });

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = requiredText(form.values.name);
    form.setErrors(error ? { name: error } : {});
    if (error) return;
    update.mutate(
      { id: user.id, body: { name: form.values.name.trim() }, version: user.rowVersion },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('common:state.saved') });
          onClose();
        },
        onError: (e) => form.showError(e),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('users:fields.name')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
