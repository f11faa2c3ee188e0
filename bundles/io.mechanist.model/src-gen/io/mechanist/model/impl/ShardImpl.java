/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.MechanistPackage;
import io.mechanist.model.Shard;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Shard</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getFile <em>File</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getSize <em>Size</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getSha256 <em>Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getFirstPrompt <em>First Prompt</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getPromptCount <em>Prompt Count</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ShardImpl#getRowCount <em>Row Count</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ShardImpl extends MinimalEObjectImpl.Container implements Shard {
	/**
	 * The default value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected static final String FILE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected String file = FILE_EDEFAULT;

	/**
	 * The default value of the '{@link #getSize() <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSize()
	 * @generated
	 * @ordered
	 */
	protected static final long SIZE_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSize() <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSize()
	 * @generated
	 * @ordered
	 */
	protected long size = SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getSha256() <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSha256()
	 * @generated
	 * @ordered
	 */
	protected static final String SHA256_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSha256() <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSha256()
	 * @generated
	 * @ordered
	 */
	protected String sha256 = SHA256_EDEFAULT;

	/**
	 * The default value of the '{@link #getFirstPrompt() <em>First Prompt</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFirstPrompt()
	 * @generated
	 * @ordered
	 */
	protected static final int FIRST_PROMPT_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getFirstPrompt() <em>First Prompt</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFirstPrompt()
	 * @generated
	 * @ordered
	 */
	protected int firstPrompt = FIRST_PROMPT_EDEFAULT;

	/**
	 * The default value of the '{@link #getPromptCount() <em>Prompt Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPromptCount()
	 * @generated
	 * @ordered
	 */
	protected static final int PROMPT_COUNT_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getPromptCount() <em>Prompt Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPromptCount()
	 * @generated
	 * @ordered
	 */
	protected int promptCount = PROMPT_COUNT_EDEFAULT;

	/**
	 * The default value of the '{@link #getRowCount() <em>Row Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRowCount()
	 * @generated
	 * @ordered
	 */
	protected static final long ROW_COUNT_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getRowCount() <em>Row Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRowCount()
	 * @generated
	 * @ordered
	 */
	protected long rowCount = ROW_COUNT_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ShardImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.SHARD;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFile() {
		return file;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFile(String newFile) {
		String oldFile = file;
		file = newFile;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__FILE, oldFile, file));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSize() {
		return size;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSize(long newSize) {
		long oldSize = size;
		size = newSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__SIZE, oldSize, size));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSha256() {
		return sha256;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSha256(String newSha256) {
		String oldSha256 = sha256;
		sha256 = newSha256;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__SHA256, oldSha256, sha256));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getFirstPrompt() {
		return firstPrompt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFirstPrompt(int newFirstPrompt) {
		int oldFirstPrompt = firstPrompt;
		firstPrompt = newFirstPrompt;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__FIRST_PROMPT, oldFirstPrompt, firstPrompt));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getPromptCount() {
		return promptCount;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPromptCount(int newPromptCount) {
		int oldPromptCount = promptCount;
		promptCount = newPromptCount;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__PROMPT_COUNT, oldPromptCount, promptCount));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getRowCount() {
		return rowCount;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setRowCount(long newRowCount) {
		long oldRowCount = rowCount;
		rowCount = newRowCount;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.SHARD__ROW_COUNT, oldRowCount, rowCount));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.SHARD__FILE:
				return getFile();
			case MechanistPackage.SHARD__SIZE:
				return getSize();
			case MechanistPackage.SHARD__SHA256:
				return getSha256();
			case MechanistPackage.SHARD__FIRST_PROMPT:
				return getFirstPrompt();
			case MechanistPackage.SHARD__PROMPT_COUNT:
				return getPromptCount();
			case MechanistPackage.SHARD__ROW_COUNT:
				return getRowCount();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.SHARD__FILE:
				setFile((String)newValue);
				return;
			case MechanistPackage.SHARD__SIZE:
				setSize((Long)newValue);
				return;
			case MechanistPackage.SHARD__SHA256:
				setSha256((String)newValue);
				return;
			case MechanistPackage.SHARD__FIRST_PROMPT:
				setFirstPrompt((Integer)newValue);
				return;
			case MechanistPackage.SHARD__PROMPT_COUNT:
				setPromptCount((Integer)newValue);
				return;
			case MechanistPackage.SHARD__ROW_COUNT:
				setRowCount((Long)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.SHARD__FILE:
				setFile(FILE_EDEFAULT);
				return;
			case MechanistPackage.SHARD__SIZE:
				setSize(SIZE_EDEFAULT);
				return;
			case MechanistPackage.SHARD__SHA256:
				setSha256(SHA256_EDEFAULT);
				return;
			case MechanistPackage.SHARD__FIRST_PROMPT:
				setFirstPrompt(FIRST_PROMPT_EDEFAULT);
				return;
			case MechanistPackage.SHARD__PROMPT_COUNT:
				setPromptCount(PROMPT_COUNT_EDEFAULT);
				return;
			case MechanistPackage.SHARD__ROW_COUNT:
				setRowCount(ROW_COUNT_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.SHARD__FILE:
				return FILE_EDEFAULT == null ? file != null : !FILE_EDEFAULT.equals(file);
			case MechanistPackage.SHARD__SIZE:
				return size != SIZE_EDEFAULT;
			case MechanistPackage.SHARD__SHA256:
				return SHA256_EDEFAULT == null ? sha256 != null : !SHA256_EDEFAULT.equals(sha256);
			case MechanistPackage.SHARD__FIRST_PROMPT:
				return firstPrompt != FIRST_PROMPT_EDEFAULT;
			case MechanistPackage.SHARD__PROMPT_COUNT:
				return promptCount != PROMPT_COUNT_EDEFAULT;
			case MechanistPackage.SHARD__ROW_COUNT:
				return rowCount != ROW_COUNT_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (file: ");
		result.append(file);
		result.append(", size: ");
		result.append(size);
		result.append(", sha256: ");
		result.append(sha256);
		result.append(", firstPrompt: ");
		result.append(firstPrompt);
		result.append(", promptCount: ");
		result.append(promptCount);
		result.append(", rowCount: ");
		result.append(rowCount);
		result.append(')');
		return result.toString();
	}

} //ShardImpl
