/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.MechanistPackage;
import io.mechanist.model.Prompt;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeEList;
import org.eclipse.emf.ecore.util.EcoreEMap;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Prompt</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getKey <em>Key</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getText <em>Text</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getTokenIds <em>Token Ids</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getTokens <em>Tokens</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getLabels <em>Labels</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getGroupId <em>Group Id</em>}</li>
 *   <li>{@link io.mechanist.model.impl.PromptImpl#getPairId <em>Pair Id</em>}</li>
 * </ul>
 *
 * @generated
 */
public class PromptImpl extends MinimalEObjectImpl.Container implements Prompt {
	/**
	 * The default value of the '{@link #getKey() <em>Key</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKey()
	 * @generated
	 * @ordered
	 */
	protected static final String KEY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getKey() <em>Key</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKey()
	 * @generated
	 * @ordered
	 */
	protected String key = KEY_EDEFAULT;

	/**
	 * The default value of the '{@link #getText() <em>Text</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getText()
	 * @generated
	 * @ordered
	 */
	protected static final String TEXT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getText() <em>Text</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getText()
	 * @generated
	 * @ordered
	 */
	protected String text = TEXT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getTokenIds() <em>Token Ids</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTokenIds()
	 * @generated
	 * @ordered
	 */
	protected EList<Integer> tokenIds;

	/**
	 * The cached value of the '{@link #getTokens() <em>Tokens</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTokens()
	 * @generated
	 * @ordered
	 */
	protected EList<String> tokens;

	/**
	 * The cached value of the '{@link #getLabels() <em>Labels</em>}' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLabels()
	 * @generated
	 * @ordered
	 */
	protected EMap<String, String> labels;

	/**
	 * The default value of the '{@link #getGroupId() <em>Group Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGroupId()
	 * @generated
	 * @ordered
	 */
	protected static final String GROUP_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getGroupId() <em>Group Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGroupId()
	 * @generated
	 * @ordered
	 */
	protected String groupId = GROUP_ID_EDEFAULT;

	/**
	 * The default value of the '{@link #getPairId() <em>Pair Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPairId()
	 * @generated
	 * @ordered
	 */
	protected static final String PAIR_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getPairId() <em>Pair Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPairId()
	 * @generated
	 * @ordered
	 */
	protected String pairId = PAIR_ID_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected PromptImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.PROMPT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getKey() {
		return key;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setKey(String newKey) {
		String oldKey = key;
		key = newKey;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.PROMPT__KEY, oldKey, key));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getText() {
		return text;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setText(String newText) {
		String oldText = text;
		text = newText;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.PROMPT__TEXT, oldText, text));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Integer> getTokenIds() {
		if (tokenIds == null) {
			tokenIds = new EDataTypeEList<Integer>(Integer.class, this, MechanistPackage.PROMPT__TOKEN_IDS);
		}
		return tokenIds;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getTokens() {
		if (tokens == null) {
			tokens = new EDataTypeEList<String>(String.class, this, MechanistPackage.PROMPT__TOKENS);
		}
		return tokens;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EMap<String, String> getLabels() {
		if (labels == null) {
			labels = new EcoreEMap<String,String>(MechanistPackage.Literals.STRING_ENTRY, StringEntryImpl.class, this, MechanistPackage.PROMPT__LABELS);
		}
		return labels;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getGroupId() {
		return groupId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGroupId(String newGroupId) {
		String oldGroupId = groupId;
		groupId = newGroupId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.PROMPT__GROUP_ID, oldGroupId, groupId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getPairId() {
		return pairId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPairId(String newPairId) {
		String oldPairId = pairId;
		pairId = newPairId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.PROMPT__PAIR_ID, oldPairId, pairId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.PROMPT__LABELS:
				return ((InternalEList<?>)getLabels()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.PROMPT__KEY:
				return getKey();
			case MechanistPackage.PROMPT__TEXT:
				return getText();
			case MechanistPackage.PROMPT__TOKEN_IDS:
				return getTokenIds();
			case MechanistPackage.PROMPT__TOKENS:
				return getTokens();
			case MechanistPackage.PROMPT__LABELS:
				if (coreType) return getLabels();
				else return getLabels().map();
			case MechanistPackage.PROMPT__GROUP_ID:
				return getGroupId();
			case MechanistPackage.PROMPT__PAIR_ID:
				return getPairId();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.PROMPT__KEY:
				setKey((String)newValue);
				return;
			case MechanistPackage.PROMPT__TEXT:
				setText((String)newValue);
				return;
			case MechanistPackage.PROMPT__TOKEN_IDS:
				getTokenIds().clear();
				getTokenIds().addAll((Collection<? extends Integer>)newValue);
				return;
			case MechanistPackage.PROMPT__TOKENS:
				getTokens().clear();
				getTokens().addAll((Collection<? extends String>)newValue);
				return;
			case MechanistPackage.PROMPT__LABELS:
				((EStructuralFeature.Setting)getLabels()).set(newValue);
				return;
			case MechanistPackage.PROMPT__GROUP_ID:
				setGroupId((String)newValue);
				return;
			case MechanistPackage.PROMPT__PAIR_ID:
				setPairId((String)newValue);
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
			case MechanistPackage.PROMPT__KEY:
				setKey(KEY_EDEFAULT);
				return;
			case MechanistPackage.PROMPT__TEXT:
				setText(TEXT_EDEFAULT);
				return;
			case MechanistPackage.PROMPT__TOKEN_IDS:
				getTokenIds().clear();
				return;
			case MechanistPackage.PROMPT__TOKENS:
				getTokens().clear();
				return;
			case MechanistPackage.PROMPT__LABELS:
				getLabels().clear();
				return;
			case MechanistPackage.PROMPT__GROUP_ID:
				setGroupId(GROUP_ID_EDEFAULT);
				return;
			case MechanistPackage.PROMPT__PAIR_ID:
				setPairId(PAIR_ID_EDEFAULT);
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
			case MechanistPackage.PROMPT__KEY:
				return KEY_EDEFAULT == null ? key != null : !KEY_EDEFAULT.equals(key);
			case MechanistPackage.PROMPT__TEXT:
				return TEXT_EDEFAULT == null ? text != null : !TEXT_EDEFAULT.equals(text);
			case MechanistPackage.PROMPT__TOKEN_IDS:
				return tokenIds != null && !tokenIds.isEmpty();
			case MechanistPackage.PROMPT__TOKENS:
				return tokens != null && !tokens.isEmpty();
			case MechanistPackage.PROMPT__LABELS:
				return labels != null && !labels.isEmpty();
			case MechanistPackage.PROMPT__GROUP_ID:
				return GROUP_ID_EDEFAULT == null ? groupId != null : !GROUP_ID_EDEFAULT.equals(groupId);
			case MechanistPackage.PROMPT__PAIR_ID:
				return PAIR_ID_EDEFAULT == null ? pairId != null : !PAIR_ID_EDEFAULT.equals(pairId);
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
		result.append(" (key: ");
		result.append(key);
		result.append(", text: ");
		result.append(text);
		result.append(", tokenIds: ");
		result.append(tokenIds);
		result.append(", tokens: ");
		result.append(tokens);
		result.append(", groupId: ");
		result.append(groupId);
		result.append(", pairId: ");
		result.append(pairId);
		result.append(')');
		return result.toString();
	}

} //PromptImpl
